// Client: sends one HTTP(S) request with timeouts, retries and keep-alive; transport
// failures come back as findings (keyword "transport"), never as exceptions. A request leaves
// in one write (head and body together), and the response is read as it arrives: the server
// wakes once per request, and the client makes about three system calls per exchange.
#pragma once

#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "http/failure.hpp"
#include "http/rate_limiter.hpp"
#include "http/url.hpp"
#include "model/case_result.hpp"
#include "model/finding.hpp"

struct ssl_ctx_st;

namespace conform::http {

struct Request {
  std::string method;
  std::string url;  // absolute
  Headers headers;
  std::string body;
};

struct Response {
  int status = 0;  // 0: no response; `findings` says why
  Headers headers;
  std::string body;
  double duration_ms = 0;  // of the last attempt
  int attempts = 0;
  // Transport failures (keyword "transport"); empty when a response arrived.
  Findings findings;

  // The first value of header `name` (case-insensitive), or "".
  std::string header(const std::string& name) const;
};

struct ClientOptions {
  std::string ca_cert_file;  // trust these CAs instead of the system's
  bool insecure = false;     // skip certificate verification (explicit opt-in only)
  // What the message about an untrusted certificate tells the user to do (the options of the
  // command that sends).
  std::string untrusted_advice =
      "pass --cacert FILE with the CA that signed it (or --insecure to skip verification)";
  int connect_timeout_ms = 5000;
  int read_timeout_ms = 30000;
  // The most one attempt may take, from connecting to the response's last byte: the read
  // timeout alone is per read, and a server dripping a byte a second never trips it.
  int exchange_timeout_ms = 30000;
  // A longer response body is a transport finding; the connection is dropped, the rest unread.
  std::size_t max_response_bytes = std::size_t{256} << 20;
  // Further attempts after a connection error, a 429 or a 503.
  int retries = 2;
  int backoff_ms = 100;                 // first back-off; doubles with each attempt
  int max_backoff_ms = 5000;            // cap on back-off and on a server's Retry-After
  RateLimiter* rate_limiter = nullptr;  // shared by every worker; may be null
  // Set from a signal handler: the request in flight is stopped (within ~50 ms), and no
  // further attempt or back-off follows. May be null.
  const std::atomic<bool>* interrupted = nullptr;
};

class Connection;

// What `failure` means for an exchange with `origin`, and what to do about it.
std::string describe_failure(Failure failure, const std::string& detail, const std::string& origin,
                             const ClientOptions& options);

// One per worker: connections are kept alive per origin and reused across requests,
// so a Client is not thread-safe.
class Client {
 public:
  explicit Client(ClientOptions options);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  Response send(const Request& request);

 private:
  struct Exchange;
  // One attempt: a kept-alive connection to the origin (or a new one), the request written,
  // the response read.
  void attempt(const Url& url, const std::string& method, const std::string& wire,
               Exchange& exchange);
  // The TLS settings every HTTPS connection shares; null when the CAs cannot be loaded.
  ssl_ctx_st* tls_context();
  bool interrupted() const;

  ClientOptions options_;
  std::map<std::string, std::unique_ptr<Connection>> connections_;
  std::shared_ptr<ssl_ctx_st> tls_;  // OpenSSL's SSL_CTX, made at the first HTTPS request
};

// Seconds or an HTTP date in a Retry-After value -> milliseconds; -1 when unreadable.
long parse_retry_after_ms(const std::string& value);

}  // namespace conform::http
