// Upstream: the server `conform proxy` forwards to, through replay's HTTP client (TLS, a
// private CA, timeouts), over keep-alive connections reused from one request to the next.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "http/client.hpp"

namespace conform::proxy {

class Upstream {
 public:
  // `base_url`: the vendor's endpoint root ("https://api.example.com", or a mock's
  // "http://127.0.0.1:4000/acme"). Retries are off: the application decides whether to resend.
  Upstream(std::string base_url, http::ClientOptions options);
  ~Upstream();

  // Sends `request` to base_url + `target` (path and query as the client sent them).
  // Thread-safe: each call borrows a client (and its open connections) no other call uses.
  http::Response send(http::Request request, const std::string& target);

  const std::string& base_url() const { return base_url_; }

 private:
  std::string base_url_;
  http::ClientOptions options_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<http::Client>> idle_;
};

}  // namespace conform::proxy
