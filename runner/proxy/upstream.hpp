// Upstream: the server `conform proxy` forwards to, reached from the proxy's EventLoop over
// connections of its own (plain or TLS, a private CA, the connect timeout and one deadline for
// each exchange), kept alive and reused from one request to the next. The request leaves in one
// write; the response is read as it arrives, by the client's parser.
#pragma once

#include <sys/socket.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/client.hpp"
#include "http/url.hpp"
#include "proxy/event_loop.hpp"

struct ssl_ctx_st;

namespace conform::proxy {

class Upstream {
 public:
  // Called once, on the loop's thread, with the response or with status 0 and the transport
  // finding that says why there is none.
  using Done = std::function<void(http::Response)>;

  // `base_url`: the vendor's endpoint root ("https://api.example.com", or a mock's
  // "http://127.0.0.1:4000/acme"). Throws std::invalid_argument when it is no http(s) URL.
  Upstream(EventLoop& loop, std::string base_url, http::ClientOptions options);
  ~Upstream();
  Upstream(const Upstream&) = delete;
  Upstream& operator=(const Upstream&) = delete;

  // Sends `request` to base_url + `target` (path and query as the client sent them). Never
  // sent twice, but for an idempotent request a kept-alive connection lost before any byte
  // of an answer came back: that one goes again, once, on a new connection.
  void send(http::Request request, const std::string& target, Done done);
  // Closes every connection; exchanges in progress end without calling their `done`.
  void close_all();

  const std::string& base_url() const { return base_url_; }

 private:
  class Connection;
  struct Exchange;
  // A new connection to the target's address number `address` (the next ones when it
  // refuses), or the exchange fails.
  void open(std::unique_ptr<Exchange> exchange, std::size_t address);
  // The response that says why there is none.
  http::Response failure_response(http::Failure failure, const std::string& detail) const;
  void fail(std::unique_ptr<Exchange> exchange, http::Failure failure, const std::string& detail);
  void keep_idle(Connection& connection);
  void close(Connection& connection);
  ssl_ctx_st* tls_context();
  // The target's addresses, resolved on first use (DNS blocks the loop once, not per request).
  const std::vector<sockaddr_storage>& addresses();

  EventLoop& loop_;
  std::string base_url_;
  http::Url origin_;
  http::ClientOptions options_;
  std::shared_ptr<ssl_ctx_st> tls_;
  std::vector<sockaddr_storage> addresses_;
  std::vector<Connection*> idle_;  // most recently used last
  std::vector<std::unique_ptr<Connection>> connections_;
};

}  // namespace conform::proxy
