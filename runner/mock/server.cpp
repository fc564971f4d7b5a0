#include "mock/server.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "codec/json_text.hpp"
#include "mock/access_log.hpp"
#include "mock/connection_reset.hpp"
#include "mock/connection_table.hpp"
#include "mock/faults.hpp"
#include "mock/guarded_server.hpp"
#include "mock/state_file.hpp"
#include "mock/user_store.hpp"
#include "mock/vendor_endpoint.hpp"

namespace conform::mock {
namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void validate_options(const contracts::Catalog& catalog, const MockOptions& options) {
  for (const auto& id : options.vendors) {
    if (!catalog.find(id)) {
      std::string known;
      for (const auto& vendor : catalog.vendors()) known += (known.empty() ? "" : ", ") + vendor.id;
      throw std::invalid_argument("unknown vendor '" + id + "'; known vendors: " + known);
    }
  }
  if (options.latency_min_ms < 0 || options.latency_max_ms < options.latency_min_ms) {
    throw std::invalid_argument("latency must be MS or MIN-MAX with 0 <= MIN <= MAX");
  }
  if (!(options.fault_rate >= 0 && options.fault_rate <= 1)) {
    throw std::invalid_argument("the fault rate must be between 0 and 1");
  }
  if (options.fault_rate > 0 && options.faults.empty()) {
    throw std::invalid_argument(
        "a fault rate needs at least one fault: 500, 503, 429, reset, truncate or garbage");
  }
  for (const auto& fault : options.faults) {
    if (!parse_fault(fault)) {
      throw std::invalid_argument("unknown fault '" + fault +
                                  "'; use 500, 503, 429, reset, truncate or garbage");
    }
  }
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    throw std::invalid_argument("HTTPS needs both a certificate and a key");
  }
}

}  // namespace

struct MockServer::Impl {
  std::shared_ptr<const contracts::Catalog> catalog;
  MockOptions options;
  UserStore store;
  std::vector<std::pair<std::string, std::unique_ptr<VendorEndpoint>>> endpoints;  // by mount
  std::unique_ptr<FaultPlan> faults;
  std::unique_ptr<AccessLog> log;
  std::unique_ptr<ConnectionTable> connections;
  std::unique_ptr<httplib::Server> server;
  std::mutex state_mutex;
  std::uint64_t saved_version = 0;
  std::thread thread;
  int port = 0;
  bool started = false;
  std::mutex stop_mutex;
  std::string state_error;

  // The endpoint whose mount point starts `path`, with the mount point.
  const std::pair<std::string, std::unique_ptr<VendorEndpoint>>* route(
      const std::string& path) const {
    for (const auto& entry : endpoints) {
      const std::string& mount = entry.first;
      if (mount.empty()) return &entry;
      if (path.compare(0, mount.size(), mount) == 0 &&
          (path.size() == mount.size() || path[mount.size()] == '/')) {
        return &entry;
      }
    }
    return nullptr;
  }

  // The client chose `path`: it goes through the JSON writer and UTF-8 repair, never
  // pasted into JSON text.
  std::string no_vendor_message(const std::string& path) const {
    std::string mounts;
    for (const auto& entry : endpoints) mounts += (mounts.empty() ? "" : ", ") + entry.first;
    const std::string message = "no vendor is mounted at " + path + "; mounted: " + mounts;
    rapidjson::Document body(rapidjson::kObjectType);
    body.AddMember(
        "message",
        rapidjson::StringRef(message.data(), static_cast<rapidjson::SizeType>(message.size())),
        body.GetAllocator());
    return codec::to_utf8_json_text(body);
  }

  // Sends `response` with only the first half of its declared body, then drops the
  // connection: the client sees a Content-Length its bytes never reach.
  static void send_truncated(const MockResponse& response, httplib::Response& out) {
    out.status = response.status;
    for (const auto& [name, value] : response.headers) out.set_header(name, value);
    auto body = std::make_shared<std::string>(response.body);
    const std::size_t declared = std::max<std::size_t>(body->size(), 2);
    const std::size_t sent = body->size() / 2;
    out.set_content_provider(
        declared,
        response.content_type.empty() ? "application/octet-stream" : response.content_type.c_str(),
        [body, sent](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
          if (offset >= sent) return false;
          sink.write(body->data() + offset, std::min(length, sent - offset));
          return true;
        });
  }

  // Saves the state file after a change, before the change's response is sent, so a
  // process killed at any time after that response keeps the change. Saves that overlap
  // are folded: one save covers every change made before it began. Only the save at stop
  // is flushed to disk: an fsync per update would cap the mock at a few hundred updates a
  // second, and a killed process loses nothing the kernel already holds.
  void save_changes() {
    if (options.state_file.empty()) return;
    const std::uint64_t changed = store.version();
    std::lock_guard<std::mutex> lock(state_mutex);
    if (saved_version >= changed) return;
    const std::uint64_t covered = store.version();
    const std::string problem = save_state(options.state_file, store, Durability::process_kill);
    if (problem.empty()) saved_version = covered;
    state_error = problem;
  }

  void dispatch(const httplib::Request& request, const std::string& body, httplib::Response& out) {
    const Clock::time_point start = Clock::now();
    const FaultDecision decision = faults->next();
    const auto* entry = route(request.path);
    if (!entry) {
      out.status = 404;
      out.set_content(no_vendor_message(request.path), "application/json; charset=utf-8");
      log->write(request.method, request.target, out.status, milliseconds_since(start));
      return;
    }
    if (decision.latency_ms > 0) {
      connections->sleep(std::chrono::milliseconds(decision.latency_ms));
    }
    const VendorEndpoint& endpoint = *entry->second;
    const MockRequest mock_request = to_mock_request(request, entry->first, body);
    int logged_status = 0;
    switch (decision.fault) {
      case Fault::status500:
      case Fault::status503:
      case Fault::status429: {
        const int status = status_of(decision.fault);
        MockResponse response =
            endpoint.error(status, "Injected fault: " + std::string(reason_phrase(status)),
                           mock_request, decision.noise);
        if (status != 500) response.headers.emplace_back("Retry-After", "1");
        send_response(response, out);
        logged_status = status;
        break;
      }
      case Fault::reset:
        reset_connection(request.local_port, request.remote_port);
        out.status = 500;
        logged_status = 0;
        break;
      case Fault::truncate: {
        const MockResponse response = endpoint.handle(mock_request, decision.noise);
        save_changes();
        send_truncated(response, out);
        logged_status = response.status;
        break;
      }
      case Fault::garbage: {
        out.status = 200;
        // Deliberately undecodable, so it promises no charset.
        out.set_content(garbage_bytes(decision.noise, 64), "application/json");
        logged_status = 200;
        break;
      }
      case Fault::none: {
        const MockResponse response = endpoint.handle(mock_request, decision.noise);
        save_changes();
        send_response(response, out);
        logged_status = response.status;
        break;
      }
    }
    log->write(request.method, request.target, logged_status, milliseconds_since(start));
  }

  // Errors cpp-httplib answers itself (a body over the limit: 413) get the vendor's
  // envelope too.
  httplib::Server::HandlerResponse library_error(const httplib::Request& request,
                                                 httplib::Response& out) {
    if (!out.body.empty() || out.has_header("Content-Type") || out.status < 400) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    const auto* entry = route(request.path);
    if (!entry) return httplib::Server::HandlerResponse::Unhandled;
    const MockRequest mock_request = to_mock_request(request, entry->first, request.body);
    std::string message = reason_phrase(out.status);
    if (out.status == 413) {
      message = "The body is larger than the limit of " + std::to_string(options.max_body_bytes) +
                " bytes";
    }
    const MockResponse response =
        entry->second->error(out.status, message, mock_request, mix64(options.seed));
    send_response(response, out);
    log->write(request.method, request.target, out.status, 0);
    return httplib::Server::HandlerResponse::Handled;
  }

  // Requests that may carry a body read it here, through the library's content reader,
  // which decodes any Content-Encoding but skips the library's own 8 KiB cap on form bodies:
  // --max-body is the one limit, counted on the decoded bytes.
  void dispatch_with_body(const httplib::Request& request, httplib::Response& out,
                          const httplib::ContentReader& read_body) {
    // No vendor takes multipart bodies, and the library's reader would split one into parts
    // (without a part handler: an exception, a 500). The vendor refuses the media type
    // without reading the body.
    if (request.is_multipart_form_data()) return dispatch(request, std::string(), out);
    bool too_large = false;
    if (const auto body = read_body_within(read_body, options.max_body_bytes, too_large)) {
      return dispatch(request, *body, out);
    }
    out.status = too_large || out.status == 413 ? 413 : 400;
    library_error(request, out);
  }
};

MockServer::MockServer(std::shared_ptr<const contracts::Catalog> catalog, MockOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->catalog = std::move(catalog);
  impl_->options = std::move(options);
}

MockServer::~MockServer() { stop(); }

std::string MockServer::mount_point(const std::string& vendor) const {
  for (const auto& entry : impl_->endpoints) {
    if (entry.second->manifest().id == vendor) return entry.first;
  }
  return impl_->options.vendors.size() == 1 ? "" : "/" + vendor;
}

int MockServer::start() {
  Impl& impl = *impl_;
  if (impl.started) return impl.port;
  const MockOptions& options = impl.options;
  validate_options(*impl.catalog, options);

  std::vector<const contracts::Manifest*> manifests;
  if (options.vendors.empty()) {
    // Every vendor whose manifest says how to mock it; naming one that does not is an error.
    for (const auto& vendor : impl.catalog->vendors()) {
      if (vendor.document && vendor.document->IsObject() && vendor.document->HasMember("mock")) {
        manifests.push_back(&vendor);
      }
    }
    if (manifests.empty()) {
      throw std::invalid_argument("no vendor in " + impl.catalog->schemas_dir().string() +
                                  " has a \"mock\" member to mock it by");
    }
  } else {
    for (const auto& id : options.vendors) manifests.push_back(impl.catalog->find(id));
  }
  std::set<std::string> secret_names;
  for (const auto* manifest : manifests) {
    auto endpoint = std::make_unique<VendorEndpoint>(impl.catalog, *manifest, impl.store,
                                                     options.profile, options.max_body_bytes);
    if (!endpoint->mock().profiles.count(options.profile)) {
      throw std::invalid_argument("vendor " + manifest->id + " has no '" + options.profile +
                                  "' profile; use default or drifted");
    }
    endpoint->seed_users();
    secret_names.insert(manifest->secret_fields.begin(), manifest->secret_fields.end());
    const std::string mount = manifests.size() == 1 ? "" : "/" + manifest->id;
    impl.endpoints.emplace_back(mount, std::move(endpoint));
  }
  if (!options.state_file.empty()) {
    const std::string problem = load_state(options.state_file, impl.store);
    if (!problem.empty()) throw MockError(problem);
  }

  FaultOptions fault_options;
  fault_options.seed = options.seed;
  fault_options.latency_min_ms = options.latency_min_ms;
  fault_options.latency_max_ms = options.latency_max_ms;
  fault_options.rate = options.fault_rate;
  for (const auto& fault : options.faults) fault_options.faults.push_back(*parse_fault(fault));
  impl.faults = std::make_unique<FaultPlan>(fault_options);
  impl.log = std::make_unique<AccessLog>(options.access_log, secret_names);

  impl.connections = std::make_unique<ConnectionTable>(options.max_connections);
  ConnectionLimits limits;
  limits.max_body_bytes = options.max_body_bytes;
  impl.server = make_guarded_server(options.tls_cert, options.tls_key, *impl.connections, limits,
                                    [&impl](std::string_view request_line, int status) {
                                      impl.log->write_refused(request_line, status);
                                    });
  if (!impl.server->is_valid()) {
    throw std::runtime_error("cannot serve HTTPS with " + options.tls_cert.string() + " and " +
                             options.tls_key.string() + ": unreadable or mismatched");
  }
  httplib::Server& server = *impl.server;
  route_every_request(server, limits,
                      {[&impl](const httplib::Request& request, httplib::Response& response) {
                         impl.dispatch(request, request.body, response);
                       },
                       [&impl](const httplib::Request& request, httplib::Response& response,
                               const httplib::ContentReader& read_body) {
                         impl.dispatch_with_body(request, response, read_body);
                       }});
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [&impl](const httplib::Request& request, httplib::Response& response) {
        return impl.library_error(request, response);
      }));

  impl.port = listen_in_background(server, options.host, options.port, impl.thread);
  impl.started = true;
  return impl.port;
}

void MockServer::stop() {
  Impl& impl = *impl_;
  std::lock_guard<std::mutex> lock(impl.stop_mutex);
  if (!impl.started) return;
  impl.started = false;
  stop_guarded_server(*impl.server, *impl.connections, impl.thread);
  if (!impl.options.state_file.empty()) {
    impl.state_error = save_state(impl.options.state_file, impl.store);
  }
}

std::string MockServer::state_error() const { return impl_->state_error; }

std::string MockServer::base_url() const {
  const bool tls = !impl_->options.tls_cert.empty();
  std::string host = impl_->options.host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return (tls ? "https://" : "http://") + host + ":" + std::to_string(impl_->port);
}

}  // namespace conform::mock
