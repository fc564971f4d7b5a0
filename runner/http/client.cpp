#include "http/client.hpp"

#include <openssl/ssl.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <thread>

#include "http/connection.hpp"
#include "http/content_coding.hpp"
#include "http/request_bytes.hpp"
#include "http/response_reader.hpp"
#include "http/url.hpp"
#include "text/ascii_case.hpp"

namespace conform::http {
namespace {

using Clock = std::chrono::steady_clock;

Finding transport_finding(std::string message) {
  Finding finding;
  finding.keyword = "transport";
  finding.message = std::move(message);
  return finding;
}

}  // namespace

std::string describe_failure(Failure failure, const std::string& detail, const std::string& origin,
                             const ClientOptions& options) {
  switch (failure) {
    case Failure::cannot_connect:
      return "cannot connect to " + origin + ": check that the server runs and the URL is right";
    case Failure::connect_timeout:
      return "connecting to " + origin + " timed out after " +
             std::to_string(options.connect_timeout_ms) + " ms";
    case Failure::tls_handshake:
      return "TLS handshake with " + origin + " failed: is it an HTTPS server?";
    case Failure::tls_untrusted:
      return "the certificate of " + origin + " is not trusted (" + detail +
             "): " + options.untrusted_advice;
    case Failure::tls_certificates:
      return "cannot load the CA certificates" +
             (options.ca_cert_file.empty() ? std::string() : " from " + options.ca_cert_file);
    case Failure::write:
      return "the connection to " + origin + " broke while sending the request";
    case Failure::incomplete:
    case Failure::read_timeout:
      return "no complete response from " + origin + " (connection closed, or no answer within " +
             std::to_string(options.read_timeout_ms) + " ms)";
    case Failure::deadline:
      return "no complete response from " + origin + " within " +
             std::to_string(options.exchange_timeout_ms) + " ms (--timeout)";
    case Failure::interrupted:
      return "interrupted while waiting for " + origin;
    case Failure::head_too_large:
      return "the response head from " + origin + " is larger than " +
             std::to_string(kMaxResponseHeadBytes) + " bytes";
    case Failure::body_too_large:
      return "the response from " + origin + " is larger than " +
             std::to_string(options.max_response_bytes) +
             " bytes: raise the limit with --limit body-bytes=SIZE";
    case Failure::malformed:
      return "the response from " + origin + " is not HTTP/1.x: " + detail;
    case Failure::undecodable:
      return "the response from " + origin + " cannot be read: " + detail;
    case Failure::unsafe_header:
      return "not sent: " + detail;
    case Failure::none:
      break;
  }
  return {};
}

namespace {

// Connection-level failures worth another attempt; TLS trust, limits and deadlines are not.
bool retryable(Failure failure) {
  return failure == Failure::cannot_connect || failure == Failure::connect_timeout ||
         failure == Failure::write || failure == Failure::incomplete ||
         failure == Failure::read_timeout;
}

// How often an interrupt is looked for while a back-off sleeps.
constexpr std::chrono::milliseconds kPoll{50};

}  // namespace

struct Client::Exchange {
  Clock::time_point deadline;
  BodyBuffer body;
  ReadResponse read;
  Failure failure = Failure::none;
  std::string detail;
};

std::string Response::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (text::equals_ignoring_case(key, name)) return value;
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

bool Client::interrupted() const { return options_.interrupted && options_.interrupted->load(); }

ssl_ctx_st* Client::tls_context() {
  if (!tls_) tls_ = make_tls_context(options_.ca_cert_file, options_.insecure);
  return tls_.get();
}

void Client::attempt(const Url& url, const std::string& method, const std::string& wire,
                     Exchange& exchange) {
  const bool head_request = method == "HEAD";
  auto& connection = connections_[url.origin()];
  while (true) {
    // A kept-alive connection the server closed meanwhile fails at once; one that it closes
    // as the request arrives brings no byte back, and the request goes again on a new one.
    const bool reused = connection && connection->idle_and_open();
    if (!reused) {
      connection.reset();
      SSL_CTX* tls = nullptr;
      if (url.scheme == "https" && !(tls = tls_context())) {
        exchange.failure = Failure::tls_certificates;
        return;
      }
      const auto connect_deadline = std::min(
          Clock::now() + std::chrono::milliseconds(options_.connect_timeout_ms), exchange.deadline);
      auto opened = Connection::open(url, tls, connect_deadline, options_.interrupted);
      if (!opened.connection) {
        exchange.failure = opened.failure;
        exchange.detail = std::move(opened.detail);
        return;
      }
      connection = std::move(opened.connection);
    }
    Transport& transport = connection->transport();
    if (!transport.write(wire.data(), wire.size(), exchange.deadline)) {
      exchange.failure = failure_of(transport.stop(), Failure::deadline, Failure::write);
      connection.reset();
      if (reused && exchange.failure == Failure::write) continue;  // it never arrived whole
      return;
    }
    ResponseLimits limits;
    limits.read_timeout = std::chrono::milliseconds(options_.read_timeout_ms);
    limits.deadline = exchange.deadline;
    limits.max_body_bytes = options_.max_response_bytes;
    exchange.read = read_response(transport, limits, head_request, exchange.body);
    exchange.failure = exchange.read.error;
    exchange.detail = exchange.read.detail;
    if (exchange.failure == Failure::none && exchange.read.reusable) {
      connection->used();
      return;
    }
    connection.reset();
    if (reused && exchange.failure == Failure::incomplete && !exchange.read.received_any &&
        idempotent(method)) {
      continue;
    }
    return;
  }
}

Response Client::send(const Request& request) {
  Response response;
  const auto url = parse_url(request.url);
  if (!url) {
    response.findings.push_back(
        transport_finding("\"" + request.url + "\" is not an absolute http or https URL"));
    return response;
  }
  if (const auto unsafe = unsafe_header(request.headers)) {
    response.findings.push_back(transport_finding(describe_failure(
        Failure::unsafe_header,
        "header \"" + *unsafe + "\" holds a line break or a character no header name may",
        url->origin(), options_)));
    return response;
  }
  const std::string wire = request_bytes(request, *url);

  Exchange exchange;
  long backoff_ms = options_.backoff_ms;
  for (int attempt = 0;; ++attempt) {
    if (interrupted()) {
      response.status = 0;
      response.findings.assign(1, transport_finding("interrupted before the request was sent"));
      break;
    }
    if (options_.rate_limiter) options_.rate_limiter->acquire();
    response.attempts = attempt + 1;
    const auto started = Clock::now();
    exchange.deadline = started + std::chrono::milliseconds(options_.exchange_timeout_ms);
    exchange.failure = Failure::none;
    exchange.detail.clear();
    this->attempt(*url, request.method, wire, exchange);
    response.duration_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - started).count();

    long wait_ms = backoff_ms;
    bool again = false;
    if (exchange.failure == Failure::none) {
      response.status = exchange.read.status;
      response.headers = std::move(exchange.read.headers);
      response.body = exchange.body.text();
      if (!decode_content(response.header("Content-Encoding"), response.body,
                          options_.max_response_bytes, exchange.detail)) {
        exchange.failure = Failure::undecodable;
      }
    }
    if (exchange.failure == Failure::none) {
      response.findings.clear();
      if (response.status == 429 || response.status == 503) {
        again = true;
        if (const long after = parse_retry_after_ms(response.header("Retry-After")); after >= 0) {
          wait_ms = after;
        }
      }
    } else {
      response.status = 0;
      response.headers.clear();
      response.body.clear();
      response.findings.assign(1, transport_finding(describe_failure(
                                      exchange.failure, exchange.detail, url->origin(), options_)));
      again = retryable(exchange.failure);
    }
    if (!again || attempt >= options_.retries) break;
    // The back-off sleeps in slices, so an interrupt ends it at once.
    const auto wake =
        Clock::now() + std::chrono::milliseconds(std::min<long>(wait_ms, options_.max_backoff_ms));
    while (!interrupted() && Clock::now() < wake) {
      std::this_thread::sleep_for(std::min<Clock::duration>(kPoll, wake - Clock::now()));
    }
    backoff_ms = std::min<long>(backoff_ms * 2, options_.max_backoff_ms);
  }
  return response;
}

}  // namespace conform::http
