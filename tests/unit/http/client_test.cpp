#include "http/client.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "unit/http/test_certificate.hpp"

namespace conform::http {
namespace {

// A cpp-httplib server on 127.0.0.1, port 0, serving on a thread for one test.
class LoopbackServer {
 public:
  explicit LoopbackServer(
      std::unique_ptr<httplib::Server> server = std::make_unique<httplib::Server>())
      : server_(std::move(server)) {}
  ~LoopbackServer() { stop(); }

  httplib::Server& routes() { return *server_; }

  std::string start(const char* scheme = "http") {
    port_ = server_->bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return std::string(scheme) + "://127.0.0.1:" + std::to_string(port_);
  }
  void stop() {
    if (thread_.joinable()) {
      server_->stop();
      thread_.join();
    }
  }

 private:
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

ClientOptions fast_options() {
  ClientOptions options;
  options.connect_timeout_ms = 1000;
  options.read_timeout_ms = 2000;
  options.backoff_ms = 10;
  options.max_backoff_ms = 50;
  return options;
}

TEST(Client, SendsMethodHeadersAndBodyAndReadsTheResponse) {
  LoopbackServer server;
  server.routes().Put("/users/u1", [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Seen-Version", req.get_header_value("Finix-Version"));
    res.set_content("echo:" + req.body, "application/json");
  });
  const std::string base = server.start();

  Client client(fast_options());
  const Response response = client.send(
      {"PUT", base + "/users/u1", {{"Finix-Version", "2022-02-01"}}, R"({"enabled":true})"});
  EXPECT_TRUE(response.findings.empty());
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"(echo:{"enabled":true})");
  EXPECT_EQ(response.header("x-seen-version"), "2022-02-01");
  EXPECT_EQ(response.attempts, 1);
}

TEST(Client, KeepsTheConnectionAliveBetweenRequests) {
  LoopbackServer server;
  server.routes().Get("/port", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(std::to_string(req.remote_port), "text/plain");
  });
  const std::string base = server.start();

  Client client(fast_options());
  const Response first = client.send({"GET", base + "/port", {}, ""});
  const Response second = client.send({"GET", base + "/port", {}, ""});
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body, second.body) << "a second connection was opened";
}

TEST(Client, RetriesA503UntilItSucceeds) {
  LoopbackServer server;
  std::atomic<int> calls{0};
  server.routes().Put("/x", [&](const httplib::Request&, httplib::Response& res) {
    res.status = ++calls < 3 ? 503 : 200;
  });
  const std::string base = server.start();

  Client client(fast_options());
  const Response response = client.send({"PUT", base + "/x", {}, "{}"});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.attempts, 3);
  EXPECT_EQ(calls, 3);
}

TEST(Client, GivesUpAfterTheConfiguredRetriesAndReturnsTheLastResponse) {
  LoopbackServer server;
  std::atomic<int> calls{0};
  server.routes().Put("/x", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 429;
    res.set_header("Retry-After", "0");
  });
  const std::string base = server.start();

  ClientOptions options = fast_options();
  options.retries = 1;
  Client client(options);
  const Response response = client.send({"PUT", base + "/x", {}, "{}"});
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(response.attempts, 2);
  EXPECT_EQ(calls, 2);
}

TEST(Client, HonoursRetryAfterUpToTheCap) {
  LoopbackServer server;
  std::atomic<int> calls{0};
  server.routes().Put("/x", [&](const httplib::Request&, httplib::Response& res) {
    if (++calls == 1) {
      res.status = 429;
      res.set_header("Retry-After", "1");
    }
  });
  const std::string base = server.start();

  ClientOptions options = fast_options();
  options.max_backoff_ms = 5000;
  Client client(options);
  const auto started = std::chrono::steady_clock::now();
  const Response response = client.send({"PUT", base + "/x", {}, "{}"});
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(response.status, 200);
  EXPECT_GE(waited, std::chrono::milliseconds(900));

  calls = 0;
  options.max_backoff_ms = 100;
  Client capped(options);
  const auto capped_start = std::chrono::steady_clock::now();
  EXPECT_EQ(capped.send({"PUT", base + "/x", {}, "{}"}).status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - capped_start, std::chrono::milliseconds(800));
}

TEST(Client, AnUnreachableServerIsATransportFindingNotAnException) {
  // Bind a port, then close it: nothing listens there.
  std::string base;
  {
    LoopbackServer server;
    base = server.start();
  }
  ClientOptions options = fast_options();
  options.retries = 1;
  Client client(options);
  const Response response = client.send({"PUT", base + "/x", {}, "{}"});
  EXPECT_EQ(response.status, 0);
  EXPECT_EQ(response.attempts, 2);
  ASSERT_EQ(response.findings.size(), 1u);
  EXPECT_EQ(response.findings[0].keyword, "transport");
  EXPECT_NE(response.findings[0].message.find("cannot connect to " + base), std::string::npos)
      << response.findings[0].message;
}

TEST(Client, ASlowServerHitsTheReadTimeout) {
  LoopbackServer server;
  server.routes().Get("/slow", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    res.set_content("late", "text/plain");
  });
  const std::string base = server.start();

  ClientOptions options = fast_options();
  options.read_timeout_ms = 100;
  options.retries = 0;
  Client client(options);
  const Response response = client.send({"GET", base + "/slow", {}, ""});
  EXPECT_EQ(response.status, 0);
  ASSERT_FALSE(response.findings.empty());
  EXPECT_NE(response.findings[0].message.find("within 100 ms"), std::string::npos);
}

TEST(Client, AnEndlessBodyStopsAtTheResponseLimit) {
  LoopbackServer server;
  server.routes().Get("/endless", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/json", [](std::size_t, httplib::DataSink& sink) {
      const std::string chunk(4096, 'x');
      return sink.write(chunk.data(), chunk.size());  // false once the client hung up
    });
  });
  const std::string base = server.start();
  ClientOptions options = fast_options();
  options.max_response_bytes = 64 * 1024;
  options.retries = 3;
  Client client(options);
  const Response response = client.send({"GET", base + "/endless", {}, ""});
  EXPECT_EQ(response.status, 0);
  EXPECT_EQ(response.attempts, 1) << "a body over the limit is not worth another attempt";
  ASSERT_EQ(response.findings.size(), 1u);
  EXPECT_NE(response.findings[0].message.find("is larger than 65536 bytes"), std::string::npos)
      << response.findings[0].message;
  EXPECT_TRUE(response.body.empty());
}

TEST(Client, AServerDrippingBytesHitsTheDeadlineOfTheWholeExchange) {
  LoopbackServer server;
  std::atomic<bool> done{false};
  server.routes().Get("/drip", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/plain", [&](std::size_t, httplib::DataSink& sink) {
      // One byte at a time, well inside the read timeout, for as long as the client listens.
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      return !done && sink.write("x", 1);
    });
  });
  const std::string base = server.start();
  ClientOptions options = fast_options();
  options.read_timeout_ms = 2000;
  options.exchange_timeout_ms = 300;
  options.retries = 0;
  Client client(options);
  const Response response = client.send({"GET", base + "/drip", {}, ""});
  done = true;
  EXPECT_EQ(response.status, 0);
  ASSERT_EQ(response.findings.size(), 1u);
  EXPECT_NE(response.findings[0].message.find("within 300 ms (--timeout)"), std::string::npos)
      << response.findings[0].message;
}

TEST(Client, AnInterruptEndsTheBackOffAndNoFurtherAttemptIsMade) {
  LoopbackServer server;
  std::atomic<bool> interrupted{false};
  std::atomic<int> requests{0};
  server.routes().Get("/busy", [&](const httplib::Request&, httplib::Response& res) {
    ++requests;
    res.status = 503;
    res.set_header("Retry-After", "3600");
    interrupted = true;  // as if Ctrl-C came while the client backs off
  });
  const std::string base = server.start();
  ClientOptions options = fast_options();
  options.retries = 10;
  options.max_backoff_ms = 3600 * 1000;
  options.interrupted = &interrupted;
  Client client(options);
  const Response response = client.send({"GET", base + "/busy", {}, ""});
  EXPECT_EQ(requests, 1);
  EXPECT_EQ(response.attempts, 1);
  ASSERT_EQ(response.findings.size(), 1u);
  EXPECT_NE(response.findings[0].message.find("interrupted"), std::string::npos);
}

TEST(Client, AnInterruptStopsTheRequestInFlight) {
  LoopbackServer server;
  std::atomic<bool> interrupted{false};
  std::atomic<bool> release{false};
  server.routes().Get("/hang", [&](const httplib::Request&, httplib::Response& res) {
    interrupted = true;  // the signal arrives while the server keeps the client waiting
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    res.set_content("late", "text/plain");
  });
  const std::string base = server.start();
  ClientOptions options = fast_options();
  options.read_timeout_ms = 600000;
  options.exchange_timeout_ms = 600000;
  options.interrupted = &interrupted;
  Client client(options);
  const Response response = client.send({"GET", base + "/hang", {}, ""});
  release = true;
  EXPECT_EQ(response.status, 0);
  ASSERT_EQ(response.findings.size(), 1u);
  EXPECT_NE(response.findings[0].message.find("interrupted while waiting"), std::string::npos)
      << response.findings[0].message;
}

TEST(Client, RejectsAUrlItCannotUse) {
  Client client(fast_options());
  const Response response = client.send({"GET", "/no/host", {}, ""});
  ASSERT_EQ(response.findings.size(), 1u);
  EXPECT_EQ(response.findings[0].keyword, "transport");
  EXPECT_EQ(response.attempts, 0);
}

class TlsClient : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<LoopbackServer>(std::make_unique<httplib::SSLServer>(
        certificate_.cert().c_str(), certificate_.key().c_str()));
    server_->routes().Get("/hello", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("hi", "text/plain");
    });
    base_ = server_->start("https");
  }

  testing::TestCertificate certificate_;
  std::unique_ptr<LoopbackServer> server_;
  std::string base_;
};

TEST_F(TlsClient, TrustsACertificateGivenAsCaCert) {
  ClientOptions options = fast_options();
  options.ca_cert_file = certificate_.cert().string();
  Client client(options);
  const Response response = client.send({"GET", base_ + "/hello", {}, ""});
  EXPECT_TRUE(response.findings.empty()) << response.findings[0].message;
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "hi");
}

TEST_F(TlsClient, RefusesAnUntrustedCertificateAndSaysWhatToDo) {
  Client client(fast_options());
  const Response response = client.send({"GET", base_ + "/hello", {}, ""});
  EXPECT_EQ(response.status, 0);
  ASSERT_EQ(response.findings.size(), 1u);
  EXPECT_EQ(response.attempts, 1) << "a trust failure is not worth a retry";
  EXPECT_NE(response.findings[0].message.find("--cacert"), std::string::npos)
      << response.findings[0].message;
}

TEST_F(TlsClient, InsecureSkipsVerification) {
  ClientOptions options = fast_options();
  options.insecure = true;
  Client client(options);
  EXPECT_EQ(client.send({"GET", base_ + "/hello", {}, ""}).status, 200);
}

TEST(ParseRetryAfter, ReadsSecondsAndRejectsGarbage) {
  EXPECT_EQ(parse_retry_after_ms("3"), 3000);
  EXPECT_EQ(parse_retry_after_ms("0"), 0);
  EXPECT_EQ(parse_retry_after_ms(""), -1);
  EXPECT_EQ(parse_retry_after_ms("soon"), -1);
  EXPECT_EQ(parse_retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT"), 0) << "a past date: now";
}

}  // namespace
}  // namespace conform::http
