// Upstream: requests reuse the keep-alive connection of an earlier one.
#include "proxy/upstream.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <mutex>
#include <set>
#include <thread>

namespace conform::proxy {
namespace {

TEST(UpstreamTest, SequentialRequestsReuseOneConnection) {
  httplib::Server server;
  std::mutex mutex;
  std::set<int> client_ports;
  server.Put("/users/U1", [&](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard<std::mutex> lock(mutex);
    client_ports.insert(request.remote_port);
    response.set_content(request.body, "application/json");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::yield();

  Upstream upstream("http://127.0.0.1:" + std::to_string(port) + "/", http::ClientOptions{});
  EXPECT_EQ(upstream.base_url(), "http://127.0.0.1:" + std::to_string(port));
  for (int i = 0; i < 5; ++i) {
    http::Request request;
    request.method = "PUT";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = "{\"n\":" + std::to_string(i) + "}";
    const http::Response response = upstream.send(request, "/users/U1");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, request.body);
  }
  server.stop();
  thread.join();
  EXPECT_EQ(client_ports.size(), 1u) << "every request came over the first connection";
}

}  // namespace
}  // namespace conform::proxy
