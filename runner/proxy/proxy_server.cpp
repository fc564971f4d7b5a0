#include "proxy/proxy_server.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "codec/json_text.hpp"
#include "codec/rapidjson.hpp"
#include "http/content_coding.hpp"
#include "http/url.hpp"
#include "mock/access_log.hpp"
#include "mock/guarded_server.hpp"
#include "mock/user_store.hpp"
#include "mock/vendor_endpoint.hpp"
#include "model/format.hpp"
#include "proxy/event_loop.hpp"
#include "proxy/front_end.hpp"
#include "proxy/problem_log.hpp"
#include "proxy/request_check.hpp"
#include "proxy/response_check.hpp"
#include "proxy/traffic_recording.hpp"
#include "proxy/upstream.hpp"
#include "replay/executor.hpp"
#include "secret/masker.hpp"
#include "text/ascii_case.hpp"

namespace conform::proxy {
namespace {

using Clock = std::chrono::steady_clock;

// Headers that belong to one connection (RFC 9110, section 7.6.1) and the ones each side's
// HTTP code sets itself (Host, Content-Length): never forwarded. Accept-Encoding neither, so
// every body arrives as the bytes it checks. (A request with a Content-Encoding is refused; a
// response's passes on with its body as sent, which the checks read decoded.)
bool forwarded(const std::string& name) {
  static const char* const kDropped[] = {"connection",
                                         "keep-alive",
                                         "proxy-connection",
                                         "proxy-authenticate",
                                         "proxy-authorization",
                                         "te",
                                         "trailer",
                                         "transfer-encoding",
                                         "upgrade",
                                         "host",
                                         "content-length",
                                         "accept-encoding"};
  for (const char* dropped : kDropped) {
    if (text::equals_ignoring_case(name, dropped)) return false;
  }
  return true;
}

// {"message": ...} through the JSON writer: the text names a URL and a reason the upstream
// chose in part.
std::string message_body(const std::string& message) {
  rapidjson::Document body(rapidjson::kObjectType);
  body.AddMember(
      "message",
      rapidjson::StringRef(message.data(), static_cast<rapidjson::SizeType>(message.size())),
      body.GetAllocator());
  return codec::to_utf8_json_text(body);
}

// The methods an API's client sends; CONNECT, TRACE and the like are not forwarded.
bool forwardable(const std::string& method) {
  for (const char* name : {"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"}) {
    if (method == name) return true;
  }
  return false;
}

// The proxy's own answer: {"message": "conform proxy: ..."}.
OutgoingResponse proxy_answer(int status, const std::string& message) {
  OutgoingResponse out;
  out.status = status;
  out.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  out.body = message_body("conform proxy: " + message);
  return out;
}

// Whether the header `name` of `request` has a value for which `matches` holds.
template <typename Matches>
bool header_is(const IncomingRequest& request, std::string_view name, Matches matches) {
  for (const auto& [key, value] : request.headers) {
    if (text::equals_ignoring_case(key, name) && matches(value)) return true;
  }
  return false;
}

// The most event loops the proxy runs, one per core.
constexpr std::size_t kMaxLoops = 4;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

struct ProxyServer::Impl {
  std::shared_ptr<const contracts::Catalog> catalog;
  ProxyOptions options;
  const contracts::Manifest* vendor = nullptr;
  std::unique_ptr<RequestCheck> request_check;
  std::unique_ptr<ResponseCheck> response_check;
  // The vendor's error envelopes, for --enforce (the mock's, from the manifest's mock member).
  mock::UserStore no_users;
  std::unique_ptr<mock::VendorEndpoint> envelopes;
  std::unique_ptr<ProblemLog> problems;
  std::unique_ptr<TrafficRecording> recording;
  std::unique_ptr<mock::AccessLog> log;
  secret::Policy policy;
  // An event loop on a thread of its own, serving the connections the kernel gives its
  // listening socket (all of them share one port) and their exchanges with the target.
  struct Worker {
    std::unique_ptr<EventLoop> loop;
    std::unique_ptr<Upstream> upstream;
    std::unique_ptr<FrontEnd> front;
    std::thread thread;
  };
  std::unique_ptr<ConnectionCap> connection_cap;
  std::vector<std::unique_ptr<Worker>> workers;
  std::string target_root;  // the target's URL, without a trailing slash
  std::atomic<bool> stopping{false};
  std::atomic<std::uint64_t> noise{1};
  int port = 0;
  bool started = false;
  std::mutex stop_mutex;

  // Keeps the exchange for the reports and, with --record, as a snapshot. What is kept is
  // masked first: credential headers, secret members and parameters by the policy, and the
  // credentials' values wherever else they show (an echo in a response). `forwarded`: the
  // response came from the target (only those are recorded: a refusal of --enforce is the
  // proxy's, not the vendor's).
  void keep(Exchange exchange, Findings findings, const Format request_format, bool on_endpoint,
            bool forwarded) {
    const auto mask_secrets = [&] {
      secret::Masker masker(policy);
      for (const auto& [name, value] : exchange.request_headers) {
        if (!policy.is_credential_header(name)) continue;
        const std::size_t space = value.find(' ');
        masker.add_secret(space == std::string::npos ? value : value.substr(space + 1));
      }
      for (const auto& value : replay::secret_body_values(exchange.request_body, request_format,
                                                          vendor->secret_fields)) {
        masker.add_secret(value);
      }
      masker.mask(exchange);
      for (Finding& finding : findings) masker.mask(finding);
    };
    if (recording && forwarded) {
      mask_secrets();
      recording->add(exchange, on_endpoint);
      problems->add(exchange, findings);
      return;
    }
    problems->add(exchange, findings, mask_secrets);
  }

  // The bad payload never leaves: the vendor's own envelope, with the status the vendor
  // gives such a request (as the mock does): missing credentials, then a media type it does
  // not take, then a body over a decoder limit, else 400 listing every finding.
  mock::MockResponse refusal(const CheckedRequest& checked, const mock::MockRequest& view) {
    const auto first = [&](const char* keyword) -> const Finding* {
      for (const Finding& finding : checked.findings) {
        if (finding.keyword == keyword) return &finding;
      }
      return nullptr;
    };
    if (const Finding* missing = first("credentials")) {
      return envelopes->error(envelopes->mock().unauthenticated_status, missing->message, view,
                              noise++);
    }
    if (const Finding* media_type = first("media-type")) {
      return envelopes->error(415, media_type->message, view, noise++);
    }
    if (const Finding* limit = first("limit")) {
      return envelopes->error(413, limit->message, view, noise++);
    }
    return envelopes->invalid(checked.findings, checked.body.value.get(), view, noise++);
  }

  // The loop's thread: serves until stop(), then gives the requests in progress up to five
  // seconds (idle connections close at once) and closes what is left.
  static void serve(Worker& worker, const std::atomic<bool>& stopping) {
    constexpr std::chrono::seconds kStopGrace{5};
    Clock::time_point grace_ends = Clock::time_point::max();
    worker.loop->run([&] {
      if (!stopping) return true;
      if (grace_ends == Clock::time_point::max()) {
        worker.front->begin_stop();
        grace_ends = Clock::now() + kStopGrace;
      }
      return worker.front->has_connections() && Clock::now() < grace_ends;
    });
    worker.front->close_all();
    worker.upstream->close_all();
  }

  // A request the proxy cannot handle is a 500 that says why, never the end of the loop.
  void handle_safely(Upstream& upstream, IncomingRequest request, FrontEnd::Respond respond) {
    try {
      handle(upstream, request, respond);
    } catch (const std::exception& e) {
      answer(respond,
             proxy_answer(500, std::string("the request could not be handled: ") + e.what()),
             request.method, request.target, 0);
    }
  }

  // What the proxy knows of a request while the target answers it.
  struct Pending {
    Clock::time_point start;
    std::string target;
    Exchange exchange;
    CheckedRequest checked;
  };

  void answer(const FrontEnd::Respond& respond, OutgoingResponse out, const std::string& method,
              const std::string& target, double milliseconds) {
    log->write(method, target, out.status, milliseconds);
    respond(std::move(out));
  }

  // Takes the request's body; leaves its method and target.
  void handle(Upstream& upstream, IncomingRequest& request, const FrontEnd::Respond& respond) {
    const Clock::time_point start = Clock::now();
    if (!forwardable(request.method)) {
      return answer(respond, proxy_answer(405, request.method + " requests are not forwarded"),
                    request.method, request.target, 0);
    }
    if (request.too_large) {
      return answer(respond,
                    proxy_answer(413, "the body is larger than the limit of " +
                                          std::to_string(options.max_body_bytes) + " bytes"),
                    request.method, request.target, 0);
    }
    // No vendor takes a multipart body, and a compressed one would not be the bytes checked.
    if (header_is(request, "Content-Type", [](const std::string& value) {
          return text::to_lower_ascii(value).rfind("multipart/form-data", 0) == 0;
        })) {
      return answer(respond, proxy_answer(415, "multipart bodies are not forwarded"),
                    request.method, request.target, 0);
    }
    if (header_is(request, "Content-Encoding", [](const std::string& value) {
          return !text::equals_ignoring_case(value, "identity");
        })) {
      return answer(respond,
                    proxy_answer(415,
                                 "compressed bodies (Content-Encoding) are not forwarded: "
                                 "send the body as it is"),
                    request.method, request.target, 0);
    }
    auto pending = std::make_shared<Pending>();
    pending->start = start;
    const mock::MockRequest view =
        mock::to_mock_request(request.method, request.target, request.headers, request.body);
    pending->checked = request_check->check(view);
    CheckedRequest& checked = pending->checked;
    Exchange& exchange = pending->exchange;
    exchange.method = request.method;
    exchange.url = target_root + request.target;
    for (const auto& [name, value] : request.headers) {
      if (forwarded(name)) exchange.request_headers.emplace_back(name, value);
    }
    exchange.request_body = std::move(request.body);

    if (options.enforce && has_errors(checked.findings)) {
      const mock::MockResponse refused = refusal(checked, view);
      OutgoingResponse out;
      out.status = refused.status;
      out.headers = refused.headers;
      if (!refused.content_type.empty()) {
        out.headers.emplace_back("Content-Type", refused.content_type);
      }
      out.body = refused.body;
      exchange.status = out.status;
      exchange.response_headers = out.headers;
      exchange.response_body = out.body;
      exchange.duration_ms = milliseconds_since(start);
      for (Finding& finding : checked.findings) {
        finding.message = "request: " + finding.message + " (not forwarded: --enforce)";
      }
      const double milliseconds = exchange.duration_ms;
      keep(std::move(exchange), std::move(checked.findings), checked.body.format,
           checked.on_endpoint, false);
      return answer(respond, std::move(out), request.method, request.target, milliseconds);
    }

    http::Request forward;
    forward.method = request.method;
    forward.headers = exchange.request_headers;
    forward.body = exchange.request_body;
    pending->target = request.target;
    upstream.send(
        std::move(forward), request.target, [this, pending, respond](http::Response response) {
          try {
            finish(*pending, std::move(response), respond);
          } catch (const std::exception& e) {
            answer(respond,
                   proxy_answer(500, std::string("the response could not be handled: ") + e.what()),
                   pending->exchange.method, pending->target, 0);
          }
        });
  }

  // The target answered (or could not): the response checked, the application answered as
  // the target did (a 502 that says why when it did not), the exchange kept.
  void finish(Pending& pending, http::Response response, const FrontEnd::Respond& respond) {
    Exchange& exchange = pending.exchange;
    CheckedRequest& checked = pending.checked;
    exchange.duration_ms = response.duration_ms;
    Findings findings;
    for (Finding& finding : checked.findings) {
      finding.message = "request: " + finding.message;
      findings.push_back(std::move(finding));
    }
    OutgoingResponse out;
    if (response.status == 0) {
      // Down, refusing, too slow or too large: the application gets a clear answer, not a hang.
      const std::string why =
          response.findings.empty() ? "no response" : response.findings.front().message;
      out = proxy_answer(502, target_root + " did not answer: " + why);
      for (const Finding& finding : response.findings) findings.push_back(finding);
    } else {
      exchange.status = response.status;
      exchange.response_headers = response.headers;
      // The application gets the body as sent; the checks and the reports read it decoded
      // when the target compressed it unasked (as checked when it cannot be decoded).
      exchange.response_body = response.body;
      std::string ignored;
      http::decode_content(response.header("Content-Encoding"), exchange.response_body,
                           options.max_response_bytes, ignored);
      if (checked.on_endpoint || checked.on_read) {
        for (Finding& finding :
             response_check->check(response.status, response.header("Content-Type"),
                                   exchange.response_body, checked.on_read)) {
          findings.push_back(std::move(finding));
        }
      }
      out.status = response.status;
      for (auto& [name, value] : response.headers) {
        if (forwarded(name)) out.headers.emplace_back(std::move(name), std::move(value));
      }
      out.body = std::move(response.body);
    }
    log->write(exchange.method, pending.target, out.status, milliseconds_since(pending.start));
    // Kept before the answer leaves: once the application has it, the reports show it.
    keep(std::move(exchange), std::move(findings), checked.body.format, checked.on_endpoint, true);
    respond(std::move(out));
  }
};

ProxyServer::ProxyServer(std::shared_ptr<const contracts::Catalog> catalog, ProxyOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->catalog = std::move(catalog);
  impl_->options = std::move(options);
}

ProxyServer::~ProxyServer() { stop(); }

int ProxyServer::start() {
  Impl& impl = *impl_;
  if (impl.started) return impl.port;
  const ProxyOptions& options = impl.options;
  impl.vendor = impl.catalog->find(options.vendor);
  if (!impl.vendor) {
    std::string known;
    for (const auto& vendor : impl.catalog->vendors()) {
      known += (known.empty() ? "" : ", ") + vendor.id;
    }
    throw std::invalid_argument("unknown vendor '" + options.vendor + "'; known vendors: " + known);
  }
  if (!http::parse_url(options.target)) {
    throw std::invalid_argument("the target must be an http:// or https:// URL, not '" +
                                options.target + "'");
  }
  if (options.enforce) {
    try {
      impl.envelopes = std::make_unique<mock::VendorEndpoint>(
          impl.catalog, *impl.vendor, impl.no_users, "default", options.max_body_bytes);
    } catch (const std::exception& e) {
      throw std::invalid_argument("--enforce answers in the vendor's error envelope, which " +
                                  impl.vendor->id + "'s manifest does not describe: " + e.what());
    }
  }
  impl.request_check = std::make_unique<RequestCheck>(*impl.catalog, *impl.vendor);
  impl.response_check =
      std::make_unique<ResponseCheck>(*impl.catalog, *impl.vendor, options.strict);
  http::ClientOptions client;
  client.ca_cert_file = options.ca_file;
  client.untrusted_advice = "start the proxy with --ca FILE, the CA that signed it";
  client.connect_timeout_ms = std::min(options.timeout_ms, 5000);
  client.read_timeout_ms = options.timeout_ms;
  client.exchange_timeout_ms = options.timeout_ms;
  client.max_response_bytes = options.max_response_bytes;
  impl.target_root = options.target;
  while (!impl.target_root.empty() && impl.target_root.back() == '/') impl.target_root.pop_back();
  impl.problems = std::make_unique<ProblemLog>(*impl.vendor, impl.target_root);
  impl.policy.add_member_names(impl.vendor->secret_fields);
  const std::set<std::string> secret_names(impl.vendor->secret_fields.begin(),
                                           impl.vendor->secret_fields.end());
  impl.log = std::make_unique<mock::AccessLog>(options.access_log, secret_names);
  if (!options.record_dir.empty()) {
    try {
      impl.recording = std::make_unique<TrafficRecording>(
          options.record_dir, *impl.vendor, impl.target_root, secret::Masker(impl.policy));
    } catch (const std::exception& e) {
      throw std::runtime_error("cannot record into " + options.record_dir.string() + ": " +
                               e.what());
    }
  }

  mock::ConnectionLimits limits;
  limits.max_body_bytes = options.max_body_bytes;
  // A request may wait on the upstream for the whole timeout before its answer is written.
  limits.request = std::chrono::milliseconds(options.timeout_ms) + limits.request;
  // A loop per core, up to four: a loop's thread does all of a request's work but the kernel's
  // share of moving its bytes, and one loop alone would cap the proxy at one core.
  const std::size_t loops =
      std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, kMaxLoops);
  impl.connection_cap = std::make_unique<ConnectionCap>(options.max_connections);
  for (std::size_t i = 0; i < loops; ++i) {
    auto worker = std::make_unique<Impl::Worker>();
    worker->loop = std::make_unique<EventLoop>();
    worker->upstream = std::make_unique<Upstream>(*worker->loop, options.target, client);
    Upstream& upstream = *worker->upstream;
    worker->front = std::make_unique<FrontEnd>(
        *worker->loop, limits, *impl.connection_cap,
        [&impl, &upstream](IncomingRequest request, FrontEnd::Respond respond) {
          impl.handle_safely(upstream, std::move(request), std::move(respond));
        },
        [&impl](std::string_view request_line, int status) {
          impl.log->write_refused(request_line, status);
        });
    impl.port = worker->front->listen(options.host, i == 0 ? options.port : impl.port);
    impl.workers.push_back(std::move(worker));
  }
  for (auto& worker : impl.workers) {
    worker->thread =
        std::thread([&impl, &worker = *worker] { Impl::serve(worker, impl.stopping); });
  }
  impl.started = true;
  return impl.port;
}

void ProxyServer::stop() {
  Impl& impl = *impl_;
  std::lock_guard<std::mutex> lock(impl.stop_mutex);
  if (!impl.started) return;
  impl.started = false;
  impl.stopping = true;
  for (auto& worker : impl.workers) worker->loop->wake();
  for (auto& worker : impl.workers) worker->thread.join();
}

std::string ProxyServer::base_url() const {
  std::string host = impl_->options.host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(impl_->port);
}

RunResult ProxyServer::results() const {
  return impl_->problems ? impl_->problems->run() : RunResult{};
}

std::string ProxyServer::record_error() const {
  return impl_->recording ? impl_->recording->error() : std::string();
}

}  // namespace conform::proxy
