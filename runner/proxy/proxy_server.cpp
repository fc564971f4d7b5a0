#include "proxy/proxy_server.hpp"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "codec/json_text.hpp"
#include "codec/rapidjson.hpp"
#include "http/url.hpp"
#include "mock/access_log.hpp"
#include "mock/connection_table.hpp"
#include "mock/guarded_server.hpp"
#include "mock/user_store.hpp"
#include "mock/vendor_endpoint.hpp"
#include "model/format.hpp"
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

// Headers that belong to one connection (RFC 9110, section 7.6.1), the ones the client and
// server libraries set themselves, and the addresses cpp-httplib adds to a request's headers:
// never forwarded. Accept-Encoding too, so every body arrives as the bytes it checks.
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
                                         "content-encoding",
                                         "accept-encoding",
                                         "remote_addr",
                                         "remote_port",
                                         "local_addr",
                                         "local_port"};
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
  std::unique_ptr<Upstream> upstream;
  std::unique_ptr<ProblemLog> problems;
  std::unique_ptr<TrafficRecording> recording;
  std::unique_ptr<mock::AccessLog> log;
  secret::Policy policy;
  std::unique_ptr<mock::ConnectionTable> connections;
  std::unique_ptr<httplib::Server> server;
  std::atomic<std::uint64_t> noise{1};
  std::thread thread;
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

  void handle(const httplib::Request& request, const std::string& body, httplib::Response& out) {
    const Clock::time_point start = Clock::now();
    const mock::MockRequest view = mock::to_mock_request(request, "", body);
    CheckedRequest checked = request_check->check(view);
    Exchange exchange;
    exchange.method = request.method;
    exchange.url = upstream->base_url() + request.target;
    for (const auto& [name, value] : request.headers) {
      if (forwarded(name)) exchange.request_headers.emplace_back(name, value);
    }
    exchange.request_body = body;
    const Format request_format = checked.body.format;

    if (options.enforce && has_errors(checked.findings)) {
      const mock::MockResponse refused = refusal(checked, view);
      mock::send_response(refused, out);
      exchange.status = refused.status;
      exchange.response_headers = refused.headers;
      if (!refused.content_type.empty()) {
        exchange.response_headers.emplace_back("Content-Type", refused.content_type);
      }
      exchange.response_body = refused.body;
      exchange.duration_ms = milliseconds_since(start);
      for (Finding& finding : checked.findings) {
        finding.message = "request: " + finding.message + " (not forwarded: --enforce)";
      }
      log->write(request.method, request.target, out.status, exchange.duration_ms);
      keep(std::move(exchange), std::move(checked.findings), request_format, checked.on_endpoint,
           false);
      return;
    }

    http::Request forward;
    forward.method = request.method;
    forward.headers = exchange.request_headers;
    forward.body = body;
    const http::Response response = upstream->send(std::move(forward), request.target);
    exchange.duration_ms = response.duration_ms;
    Findings findings;
    for (Finding& finding : checked.findings) {
      finding.message = "request: " + finding.message;
      findings.push_back(std::move(finding));
    }
    if (response.status == 0) {
      // Down, refusing, too slow or too large: the application gets a clear answer, not a hang.
      const std::string why =
          response.findings.empty() ? "no response" : response.findings.front().message;
      out.status = 502;
      out.set_content(
          message_body("conform proxy: " + upstream->base_url() + " did not answer: " + why),
          "application/json; charset=utf-8");
      for (const Finding& finding : response.findings) findings.push_back(finding);
    } else {
      exchange.status = response.status;
      exchange.response_headers = response.headers;
      exchange.response_body = response.body;
      if (checked.on_endpoint || checked.on_read) {
        for (Finding& finding :
             response_check->check(response.status, response.header("Content-Type"), response.body,
                                   checked.on_read)) {
          findings.push_back(std::move(finding));
        }
      }
      out.status = response.status;
      for (const auto& [name, value] : response.headers) {
        if (forwarded(name)) out.headers.emplace(name, value);
      }
      out.body = response.body;
    }
    keep(std::move(exchange), std::move(findings), request_format, checked.on_endpoint, true);
    log->write(request.method, request.target, out.status, milliseconds_since(start));
  }

  // Bodies are read through the library's content reader (which decodes a Content-Encoding),
  // within max_body_bytes.
  void handle_with_body(const httplib::Request& request, httplib::Response& out,
                        const httplib::ContentReader& read_body) {
    // The library's reader would split a multipart body into parts; no vendor takes one.
    if (request.is_multipart_form_data()) {
      out.status = 415;
      out.set_content(message_body("conform proxy: multipart bodies are not forwarded"),
                      "application/json; charset=utf-8");
      log->write(request.method, request.target, out.status, 0);
      return;
    }
    bool too_large = false;
    if (const auto body = mock::read_body_within(read_body, options.max_body_bytes, too_large)) {
      return handle(request, *body, out);
    }
    out.status = too_large || out.status == 413 ? 413 : 400;
    out.set_content(
        message_body(too_large ? "conform proxy: the body is larger than the limit of " +
                                     std::to_string(options.max_body_bytes) + " bytes"
                               : "conform proxy: the body could not be read"),
        "application/json; charset=utf-8");
    log->write(request.method, request.target, out.status, 0);
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
  impl.upstream = std::make_unique<Upstream>(options.target, client);
  impl.problems = std::make_unique<ProblemLog>(*impl.vendor, impl.upstream->base_url());
  impl.policy.add_member_names(impl.vendor->secret_fields);
  const std::set<std::string> secret_names(impl.vendor->secret_fields.begin(),
                                           impl.vendor->secret_fields.end());
  impl.log = std::make_unique<mock::AccessLog>(options.access_log, secret_names);
  if (!options.record_dir.empty()) {
    try {
      impl.recording = std::make_unique<TrafficRecording>(
          options.record_dir, *impl.vendor, impl.upstream->base_url(), secret::Masker(impl.policy));
    } catch (const std::exception& e) {
      throw std::runtime_error("cannot record into " + options.record_dir.string() + ": " +
                               e.what());
    }
  }

  impl.connections = std::make_unique<mock::ConnectionTable>(options.max_connections);
  mock::ConnectionLimits limits;
  limits.max_body_bytes = options.max_body_bytes;
  // A request may wait on the upstream for the whole timeout before its answer is written.
  limits.request = std::chrono::milliseconds(options.timeout_ms) + limits.request;
  impl.server = mock::make_guarded_server({}, {}, *impl.connections, limits,
                                          [&impl](std::string_view request_line, int status) {
                                            impl.log->write_refused(request_line, status);
                                          });
  httplib::Server& server = *impl.server;
  mock::route_every_request(server, limits,
                            {[&impl](const httplib::Request& request, httplib::Response& response) {
                               impl.handle(request, request.body, response);
                             },
                             [&impl](const httplib::Request& request, httplib::Response& response,
                                     const httplib::ContentReader& read_body) {
                               impl.handle_with_body(request, response, read_body);
                             }});
  impl.port = mock::listen_in_background(server, options.host, options.port, impl.thread);
  impl.started = true;
  return impl.port;
}

void ProxyServer::stop() {
  Impl& impl = *impl_;
  std::lock_guard<std::mutex> lock(impl.stop_mutex);
  if (!impl.started) return;
  impl.started = false;
  mock::stop_guarded_server(*impl.server, *impl.connections, impl.thread);
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
