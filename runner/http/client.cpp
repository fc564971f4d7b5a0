#include "http/client.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "http/url.hpp"

namespace conform::http {
namespace {

Finding transport_finding(std::string message) {
  Finding finding;
  finding.keyword = "transport";
  finding.message = std::move(message);
  return finding;
}

std::string describe_error(httplib::Error error, const std::string& origin,
                           const ClientOptions& options) {
  switch (error) {
    case httplib::Error::Connection:
      return "cannot connect to " + origin + ": check that the server runs and the URL is right";
    case httplib::Error::ConnectionTimeout:
      return "connecting to " + origin + " timed out after " +
             std::to_string(options.connect_timeout_ms) + " ms";
    case httplib::Error::Read:
      return "no complete response from " + origin + " (connection closed, or no answer within " +
             std::to_string(options.read_timeout_ms) + " ms)";
    case httplib::Error::Write:
      return "the connection to " + origin + " broke while sending the request";
    case httplib::Error::SSLConnection:
      return "TLS handshake with " + origin + " failed: is it an HTTPS server?";
    case httplib::Error::SSLLoadingCerts:
      return "cannot load the CA certificates" +
             (options.ca_cert_file.empty() ? std::string() : " from " + options.ca_cert_file);
    case httplib::Error::SSLServerVerification:
      return "the certificate of " + origin +
             " is not trusted: pass --cacert FILE with the CA that signed it (or --insecure to "
             "skip verification)";
    default:
      return "request to " + origin + " failed: " + httplib::to_string(error);
  }
}

// Connection-level failures worth another attempt; TLS trust failures are not.
bool retryable(httplib::Error error) {
  return error == httplib::Error::Connection || error == httplib::Error::ConnectionTimeout ||
         error == httplib::Error::Read || error == httplib::Error::Write;
}

bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

}  // namespace

std::string Response::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return {};
}

long parse_retry_after_ms(const std::string& value) {
  if (value.empty()) return -1;
  char* end = nullptr;
  const long seconds = std::strtol(value.c_str(), &end, 10);
  if (end != value.c_str() && *end == '\0') return seconds < 0 ? -1 : seconds * 1000;
  std::tm tm{};
  if (strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm) == nullptr) return -1;
  const std::time_t when = timegm(&tm);
  const std::time_t now = std::time(nullptr);
  return when <= now ? 0 : static_cast<long>(when - now) * 1000;
}

Client::Client(ClientOptions options) : options_(std::move(options)) {}
Client::~Client() = default;

httplib::Client* Client::connection(const std::string& origin, Findings& findings) {
  auto& slot = connections_[origin];
  if (slot) return slot.get();
  auto client = std::make_unique<httplib::Client>(origin);
  if (!client->is_valid()) {
    findings.push_back(transport_finding("cannot use " + origin + " as a target"));
    connections_.erase(origin);
    return nullptr;
  }
  client->set_keep_alive(true);
  client->set_tcp_nodelay(true);  // with keep-alive, Nagle stalls every response ~40 ms
  client->set_connection_timeout(options_.connect_timeout_ms / 1000,
                                 (options_.connect_timeout_ms % 1000) * 1000);
  client->set_read_timeout(options_.read_timeout_ms / 1000,
                           (options_.read_timeout_ms % 1000) * 1000);
  client->set_write_timeout(options_.read_timeout_ms / 1000,
                            (options_.read_timeout_ms % 1000) * 1000);
  if (!options_.ca_cert_file.empty()) client->set_ca_cert_path(options_.ca_cert_file);
  client->enable_server_certificate_verification(!options_.insecure);
  slot = std::move(client);
  return slot.get();
}

Response Client::send(const Request& request) {
  Response response;
  const auto url = parse_url(request.url);
  if (!url) {
    response.findings.push_back(
        transport_finding("\"" + request.url + "\" is not an absolute http or https URL"));
    return response;
  }
  httplib::Client* client = connection(url->origin(), response.findings);
  if (!client) return response;

  httplib::Request raw;
  raw.method = request.method;
  raw.path = url->target;
  for (const auto& [name, value] : request.headers) raw.headers.emplace(name, value);
  raw.body = request.body;

  long backoff_ms = options_.backoff_ms;
  for (int attempt = 0;; ++attempt) {
    if (options_.rate_limiter) options_.rate_limiter->acquire();
    response.attempts = attempt + 1;
    const auto started = std::chrono::steady_clock::now();
    httplib::Result result = client->send(raw);
    response.duration_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();

    long wait_ms = backoff_ms;
    bool again = false;
    if (result) {
      response.status = result->status;
      response.headers.clear();
      for (const auto& [name, value] : result->headers) response.headers.emplace_back(name, value);
      response.body = result->body;
      response.findings.clear();
      if (result->status == 429 || result->status == 503) {
        again = true;
        if (const long after = parse_retry_after_ms(result->get_header_value("Retry-After"));
            after >= 0) {
          wait_ms = after;
        }
      }
    } else {
      response.status = 0;
      response.headers.clear();
      response.body.clear();
      response.findings.assign(
          1, transport_finding(describe_error(result.error(), url->origin(), options_)));
      again = retryable(result.error());
      // A broken keep-alive connection must not poison the next attempt.
      client->stop();
    }
    if (!again || attempt >= options_.retries) break;
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::min<long>(wait_ms, options_.max_backoff_ms)));
    backoff_ms = std::min<long>(backoff_ms * 2, options_.max_backoff_ms);
  }
  return response;
}

}  // namespace conform::http
