#include "proxy/upstream.hpp"

namespace conform::proxy {

Upstream::Upstream(std::string base_url, http::ClientOptions options)
    : base_url_(std::move(base_url)), options_(std::move(options)) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
  options_.retries = 0;
}

Upstream::~Upstream() = default;

http::Response Upstream::send(http::Request request, const std::string& target) {
  std::unique_ptr<http::Client> client;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      client = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!client) client = std::make_unique<http::Client>(options_);
  request.url = base_url_ + target;
  http::Response response = client->send(request);
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(client));
  return response;
}

}  // namespace conform::proxy
