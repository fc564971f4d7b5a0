// Upstream: exchanges with the target from the proxy's event loop, over kept-alive connections.
#include "proxy/upstream.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <mutex>
#include <set>
#include <thread>

namespace conform::proxy {
namespace {

// A cpp-httplib server on 127.0.0.1 that echoes PUT bodies and notes each client port.
class EchoServer {
 public:
  EchoServer() {
    server_.Put("/users/U1", [this](const httplib::Request& request, httplib::Response& response) {
      std::lock_guard<std::mutex> lock(mutex_);
      ports_.insert(request.remote_port);
      response.set_content(request.body, "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~EchoServer() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::size_t connections() {
    std::lock_guard<std::mutex> lock(mutex_);
    return ports_.size();
  }

 private:
  httplib::Server server_;
  std::mutex mutex_;
  std::set<int> ports_;
  int port_ = 0;
  std::thread thread_;
};

http::Request put(int n) {
  http::Request request;
  request.method = "PUT";
  request.headers = {{"Content-Type", "application/json"}};
  request.body = "{\"n\":" + std::to_string(n) + "}";
  return request;
}

// Runs `loop` until `done` or 10 seconds passed.
void run_until(EventLoop& loop, const bool& done) {
  const auto give_up = EventLoop::Clock::now() + std::chrono::seconds(10);
  loop.run([&] { return !done && EventLoop::Clock::now() < give_up; });
}

TEST(UpstreamTest, SequentialRequestsReuseOneConnection) {
  EchoServer server;
  EventLoop loop;
  Upstream upstream(loop, server.url() + "/", http::ClientOptions{});
  EXPECT_EQ(upstream.base_url(), server.url());
  std::vector<http::Response> responses;
  bool done = false;
  std::function<void(int)> next = [&](int n) {
    upstream.send(put(n), "/users/U1", [&, n](http::Response response) {
      responses.push_back(std::move(response));
      if (n < 4) {
        next(n + 1);
      } else {
        done = true;
      }
    });
  };
  next(0);
  run_until(loop, done);
  ASSERT_EQ(responses.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(responses[i].status, 200);
    EXPECT_EQ(responses[i].body, put(i).body);
  }
  EXPECT_EQ(server.connections(), 1u) << "every request came over the first connection";
}

TEST(UpstreamTest, ATargetThatIsDownIsAFindingNotAHang) {
  std::string url;
  {
    EchoServer gone;
    url = gone.url();
  }
  EventLoop loop;
  http::ClientOptions options;
  options.connect_timeout_ms = 1000;
  Upstream upstream(loop, url, options);
  http::Response response;
  bool done = false;
  upstream.send(put(1), "/users/U1", [&](http::Response answer) {
    response = std::move(answer);
    done = true;
  });
  run_until(loop, done);
  ASSERT_TRUE(done);
  EXPECT_EQ(response.status, 0);
  ASSERT_EQ(response.findings.size(), 1u);
  EXPECT_NE(response.findings[0].message.find("cannot connect to " + url), std::string::npos)
      << response.findings[0].message;
}

TEST(UpstreamTest, ManyExchangesAtOnceEachGetTheirOwnAnswer) {
  EchoServer server;
  EventLoop loop;
  Upstream upstream(loop, server.url(), http::ClientOptions{});
  constexpr int kAtOnce = 6;  // fewer than the test server's threads
  std::vector<std::string> bodies(kAtOnce);
  int answered = 0;
  bool done = false;
  for (int i = 0; i < kAtOnce; ++i) {
    upstream.send(put(i), "/users/U1", [&, i](http::Response response) {
      bodies[i] = response.body;
      done = ++answered == kAtOnce;
    });
  }
  run_until(loop, done);
  ASSERT_EQ(answered, kAtOnce);
  for (int i = 0; i < kAtOnce; ++i) EXPECT_EQ(bodies[i], put(i).body);
  EXPECT_LE(server.connections(), static_cast<std::size_t>(kAtOnce));
}

}  // namespace
}  // namespace conform::proxy
