// The mock against hostile clients over loopback: bodies a client cannot shape,
// slow and idle connections that lock no one out, limits enforced while reading, strict
// HTTP framing, pipelining, HEAD, and a stop that no client can hold up.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "codec/rapidjson.hpp"
#include "contracts/catalog.hpp"
#include "mock/server.hpp"
#include "support/catalogs.hpp"
#include "support/conform_process.hpp"
#include "support/loopback.hpp"
#include "text/utf8.hpp"

namespace conform::mock {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kFinixAuth =
    "Authorization: Basic bW9jay11c2VyOm1vY2stcGFzc3dvcmQ=\r\nFinix-Version: 2022-02-01\r\n";
constexpr const char* kFinixUser = "/finix/users/USsRhsHYZGBPnQw8CByJyEQW";

using test::shipped_catalog;

using test::connect_to;
using test::listening_port;
using test::send_all;

using test::read_until;
using test::responses_in;
using Response = test::RawResponse;

// Sends `request` on a new connection; the first response, and whether the connection
// closed after it.
Response round_trip(int port, const std::string& request, bool* closed_after = nullptr) {
  const int fd = connect_to(port);
  if (fd < 0) return {};
  send_all(fd, request);
  std::string bytes =
      read_until(fd, 10, [](const std::string& in) { return !responses_in(in).empty(); });
  const auto responses = responses_in(bytes);
  if (closed_after) {
    bool closed = false;
    read_until(
        fd, 10, [](const std::string&) { return false; }, &closed);
    *closed_after = closed;
  }
  ::close(fd);
  return responses.empty() ? Response{} : responses.front();
}

bool valid_utf8(const std::string& text) {
  conform::text::Utf8Problem problem;
  return conform::text::check_utf8(text, problem);
}

// Room for hundreds of sockets on both ends of loopback in this one process: how many
// connections of each kind fit (250 where the hard limit allows, fewer where it does not).
int room_for_connections() {
  rlimit limit{};
  ::getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
  // Each connection takes a descriptor on each side; 200 stay for everything else.
  const rlim_t spare = limit.rlim_cur > 200 ? (limit.rlim_cur - 200) / 4 : 0;
  return static_cast<int>(std::min<rlim_t>(250, spare));
}

class MockHostile : public ::testing::Test {
 protected:
  void start(MockOptions options = {}) {
    server_ = std::make_unique<MockServer>(shipped_catalog(), std::move(options));
    port_ = server_->start();
  }
  void TearDown() override {
    if (server_) server_->stop();
  }
  std::unique_ptr<MockServer> server_;
  int port_ = 0;
};

TEST_F(MockHostile, NoClientShapesABodyOrBreaksItsUtf8) {
  start();
  const Response injected =
      round_trip(port_, "GET /zzz\"},\"injected\":{\"a\":\"\x1b\xff HTTP/1.1\r\nHost: a\r\n\r\n");
  ASSERT_EQ(injected.status, 404) << injected.head;
  EXPECT_TRUE(valid_utf8(injected.body)) << injected.body;
  rapidjson::Document body;
  body.Parse(injected.body.c_str(), injected.body.size());
  ASSERT_FALSE(body.HasParseError()) << injected.body;
  ASSERT_TRUE(body.IsObject());
  EXPECT_EQ(body.MemberCount(), 1u) << injected.body;
  EXPECT_TRUE(body.HasMember("message"));
  // A vendor's own envelope, naming a user id that decodes to bad bytes.
  const Response unknown =
      round_trip(port_, std::string("GET /finix/users/%FF%1B%C0 HTTP/1.1\r\nHost: a\r\n") +
                            kFinixAuth + "\r\n");
  ASSERT_EQ(unknown.status, 404) << unknown.head;
  EXPECT_TRUE(valid_utf8(unknown.body)) << unknown.body;
  rapidjson::Document envelope;
  envelope.Parse(unknown.body.c_str(), unknown.body.size());
  EXPECT_FALSE(envelope.HasParseError()) << unknown.body;
}

// A control character stored from a JSON body (valid JSON: "\u001b") is no XML 1.0
// character: the XML response carries U+FFFD in its place, not the raw byte.
TEST_F(MockHostile, XmlBodiesCarryNoControlCharacters) {
  start();
  const std::string body =
      R"({"Id":"2ebc64a36a0d400d8c1e5b7a9f3d6e24","FirstName":"a\u001bb","CompanyId":12345,)"
      R"("IntegrationKey":"mock-integration-key"})";
  const Response response =
      round_trip(port_,
                 "PUT /formsonfire/api/v2/user?format=xml HTTP/1.1\r\nHost: a\r\n"
                 "Content-Type: application/json\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n\r\n" + body);
  ASSERT_EQ(response.status, 200) << response.body;
  ASSERT_NE(response.head.find("application/xml"), std::string::npos) << response.head;
  EXPECT_EQ(response.body.find('\x1b'), std::string::npos) << response.body;
  EXPECT_NE(response.body.find("<FirstName>a\xEF\xBF\xBD"
                               "b</FirstName>"),
            std::string::npos)
      << response.body;
  EXPECT_TRUE(valid_utf8(response.body));
}

// Regression: 64 slowloris connections (a header byte a second) timed every other client out,
// and 200 idle ones delayed one by 15 s. Hundreds of either now hold their own threads only.
TEST_F(MockHostile, SlowAndIdleClientsLockNoOneOut) {
  const int kIdle = room_for_connections();
  const int kSlow = kIdle;
  ASSERT_GE(kIdle, 64) << "too few file descriptors to hold the pool's old size";
  start();
  std::vector<int> idle;
  std::vector<int> slow;
  for (int i = 0; i < kIdle; ++i) idle.push_back(connect_to(port_));
  for (int i = 0; i < kSlow; ++i) {
    slow.push_back(connect_to(port_));
    send_all(slow.back(), "GET /finix/users/x HTTP/1.1\r\nX-Slow: ");
  }
  for (const int fd : idle) ASSERT_GE(fd, 0);
  for (const int fd : slow) ASSERT_GE(fd, 0);
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    while (!done) {
      for (const int fd : slow) send_all(fd, "a");
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  });
  int answered = 0;
  for (int i = 0; i < 50; ++i) {
    const Response response =
        round_trip(port_, std::string("GET ") + kFinixUser + " HTTP/1.1\r\nHost: a\r\n" +
                              kFinixAuth + "Connection: close\r\n\r\n");
    answered += response.status == 200 ? 1 : 0;
  }
  done = true;
  trickle.join();
  EXPECT_EQ(answered, 50);
  for (const int fd : idle) ::close(fd);
  for (const int fd : slow) ::close(fd);
}

// Past the connection cap the connection idle longest makes room for a new client (without
// it, the new client would get 503).
TEST_F(MockHostile, UnderPressureTheLongestIdleConnectionClosesFirst) {
  MockOptions options;
  options.max_connections = 8;
  start(options);
  const std::string read =
      std::string("GET ") + kFinixUser + " HTTP/1.1\r\nHost: a\r\n" + kFinixAuth + "\r\n";
  // The oldest: idle since its answer, before the others connected.
  const int oldest = connect_to(port_);
  ASSERT_GE(oldest, 0);
  send_all(oldest, read);
  ASSERT_EQ(
      responses_in(
          read_until(oldest, 10, [](const std::string& in) { return !responses_in(in).empty(); }))
          .size(),
      1u);
  std::vector<int> others;
  for (int i = 0; i < 7; ++i) others.push_back(connect_to(port_));
  EXPECT_EQ(round_trip(port_, read).status, 200);
  bool closed = false;
  read_until(
      oldest, 10, [](const std::string&) { return false; }, &closed);
  EXPECT_TRUE(closed);
  ::close(oldest);
  for (const int fd : others) ::close(fd);
}

// Regression: a 400 MiB chunked body was buffered whole before its 413.
TEST_F(MockHostile, AChunkedBodyOverTheLimitIsRefusedWhileItArrives) {
  MockOptions options;
  options.max_body_bytes = 4096;
  start(options);
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(send_all(fd, std::string("PUT ") + kFinixUser + " HTTP/1.1\r\nHost: a\r\n" +
                               kFinixAuth +
                               "Content-Type: application/json\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk = "1000\r\n" + std::string(4096, ' ') + "\r\n";
  std::size_t sent = 0;
  constexpr std::size_t kEndless = 256u << 20;
  while (sent < kEndless && send_all(fd, chunk)) sent += chunk.size();
  EXPECT_LT(sent, kEndless) << "the mock read the whole body";
  const auto responses =
      responses_in(read_until(fd, 10, [](const std::string& in) { return !in.empty(); }));
  ::close(fd);
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses.front().status, 413);
}

TEST_F(MockHostile, HeaderCountAndSizeAreCapped) {
  start();
  std::string many = "GET /finix/users/x HTTP/1.1\r\nHost: a\r\n";
  for (int i = 0; i < 3000; ++i) many += "X-" + std::to_string(i) + ": 1\r\n";
  EXPECT_EQ(round_trip(port_, many + "\r\n").status, 431);
  std::string large = "GET /finix/users/x HTTP/1.1\r\nHost: a\r\n";
  for (int i = 0; i < 20; ++i)
    large += "X-" + std::to_string(i) + ": " + std::string(8000, 'a') + "\r\n";
  EXPECT_EQ(round_trip(port_, large + "\r\n").status, 431);
}

// RFC 9112 §6.3: an ambiguous length is refused and the connection closed, so the bytes
// after it are never read as a second, smuggled request.
TEST_F(MockHostile, AmbiguousFramingIsRefusedAndClosesTheConnection) {
  start();
  const std::string smuggled = "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n";
  const std::string body = R"({"enabled":false})";
  for (const std::string framing :
       {"Content-Length: 18abc\r\n", "Content-Length: +18\r\n", "Content-Length: 18, 18\r\n",
        "Content-Length: 0x12\r\n", "Content-Length: 17\r\nContent-Length: 17\r\n",
        "Content-Length: 17\r\nTransfer-Encoding: chunked\r\n"}) {
    bool closed = false;
    const Response response =
        round_trip(port_,
                   std::string("PUT ") + kFinixUser + " HTTP/1.1\r\nHost: a\r\n" + kFinixAuth +
                       "Content-Type: application/json\r\n" + framing + "\r\n" + body + smuggled,
                   &closed);
    EXPECT_EQ(response.status, 400) << framing;
    EXPECT_TRUE(closed) << framing;
  }
}

TEST_F(MockHostile, RefusedRequestsHaveTheirAccessLogLine) {
  std::ostringstream log;
  MockOptions options;
  options.access_log = &log;
  start(options);
  EXPECT_EQ(
      round_trip(port_, "PUT /finix/users/x HTTP/1.1\r\nContent-Length: 18abc\r\n\r\n").status,
      400);
  server_->stop();  // joins the connections' threads: the log is complete
  EXPECT_NE(log.str().find("PUT /finix/users/x 400"), std::string::npos) << log.str();
}

TEST_F(MockHostile, ExpectContinueGetsItsInterimAnswerBeforeTheBody) {
  start();
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  const std::string body = R"({"enabled":true})";
  send_all(fd, std::string("PUT ") + kFinixUser + " HTTP/1.1\r\nHost: a\r\n" + kFinixAuth +
                   "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " +
                   std::to_string(body.size()) + "\r\n\r\n");
  const std::string interim = read_until(
      fd, 10, [](const std::string& in) { return in.find("\r\n\r\n") != std::string::npos; });
  EXPECT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
  send_all(fd, body);
  const auto responses = responses_in(
      read_until(fd, 10, [](const std::string& in) { return !responses_in(in).empty(); }));
  ::close(fd);
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses.front().status, 200) << responses.front().body;
}

TEST_F(MockHostile, PipelinedRequestsAreAnsweredInOrder) {
  start();
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  std::string requests;
  for (const char* path : {"/first", "/second", "/third"}) {
    requests += std::string("GET ") + path + " HTTP/1.1\r\nHost: a\r\n\r\n";
  }
  const std::string body = R"({"enabled":true})";
  requests += std::string("PUT ") + kFinixUser + " HTTP/1.1\r\nHost: a\r\n" + kFinixAuth +
              "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
              "\r\n\r\n" + body;
  requests += "GET /last HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
  send_all(fd, requests);
  bool closed = false;
  const auto responses = responses_in(read_until(
      fd, 10, [](const std::string&) { return false; }, &closed));
  ::close(fd);
  ASSERT_EQ(responses.size(), 5u);
  EXPECT_NE(responses[0].body.find("/first"), std::string::npos);
  EXPECT_NE(responses[1].body.find("/second"), std::string::npos);
  EXPECT_NE(responses[2].body.find("/third"), std::string::npos);
  EXPECT_EQ(responses[3].status, 200) << responses[3].body;
  EXPECT_NE(responses[4].body.find("/last"), std::string::npos);
  EXPECT_TRUE(closed);
}

TEST_F(MockHostile, HeadOfAReadableResourceAnswersAsGetWithoutTheBody) {
  start();
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  send_all(fd, std::string("HEAD ") + kFinixUser + " HTTP/1.1\r\nHost: a\r\n" + kFinixAuth +
                   "Connection: close\r\n\r\n");
  bool closed = false;
  const std::string bytes = read_until(
      fd, 10, [](const std::string&) { return false; }, &closed);
  ::close(fd);
  const auto responses = responses_in(bytes, true);
  ASSERT_EQ(responses.size(), 1u) << bytes;
  EXPECT_EQ(responses.front().status, 200) << bytes;
  EXPECT_NE(responses.front().head.find("Content-Length: "), std::string::npos);
  EXPECT_EQ(bytes.size(), responses.front().head.size()) << "a HEAD response has no body";
}

// Regression: cpp-httplib's own 8 KiB cap on form bodies answered 413 under a 1 MiB limit.
TEST_F(MockHostile, FormBodiesUpToTheLimitAreRead) {
  MockOptions options;
  options.max_body_bytes = 64 * 1024;
  start(options);
  const std::string form = "blocked=true&role=editor&note=" + std::string(20000, 'a');
  const Response response =
      round_trip(port_,
                 "PUT /maiascore/users/64b7f3c2a1e4d5f6a7b8c9d0 HTTP/1.1\r\nHost: a\r\n"
                 "Authorization: Bearer mock-token\r\n"
                 "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                     std::to_string(form.size()) + "\r\n\r\n" + form);
  EXPECT_NE(response.status, 413) << response.body;
  EXPECT_NE(response.status, 0);
  const std::string too_large(70000, 'a');
  EXPECT_EQ(round_trip(port_,
                       "PUT /maiascore/users/64b7f3c2a1e4d5f6a7b8c9d0 HTTP/1.1\r\nHost: a\r\n"
                       "Authorization: Bearer mock-token\r\n"
                       "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                           std::to_string(too_large.size()) + "\r\n\r\n" + too_large)
                .status,
            413);
  // No vendor takes multipart bodies: the vendor's 415, not the library's parser.
  const std::string multipart =
      "--x\r\nContent-Disposition: form-data; name=\"role\"\r\n\r\neditor\r\n--x--\r\n";
  EXPECT_EQ(round_trip(port_,
                       "PUT /maiascore/users/64b7f3c2a1e4d5f6a7b8c9d0 HTTP/1.1\r\nHost: a\r\n"
                       "Authorization: Bearer mock-token\r\n"
                       "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " +
                           std::to_string(multipart.size()) + "\r\n\r\n" + multipart)
                .status,
            415);
}

// Regression: SIGTERM waited 26.8 s for one client sending a byte every 2 s (for ever, with a
// byte a second). Stopping takes at most the grace period, whatever clients do.
TEST(MockStop, SigtermStopsWithinTheGraceEvenWithSlowClients) {
  test::ConformProcess mock({"mock", "--vendor", "finix", "--port", "0"});
  const int port = listening_port(mock, 30);
  ASSERT_GT(port, 0);
  const int fd = connect_to(port);
  ASSERT_GE(fd, 0);
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    send_all(fd, "GET /users/x HTTP/1.1\r\nX-Slow: ");
    while (!done && send_all(fd, "a")) std::this_thread::sleep_for(std::chrono::milliseconds(500));
  });
  std::this_thread::sleep_for(std::chrono::seconds(1));
  EXPECT_EQ(mock.stop(SIGTERM, 20), 0) << "the mock did not stop";
  done = true;
  trickle.join();
  ::close(fd);
}

// Regression: the state was saved only at a clean stop, so the kill -9 an operator sends
// after a stuck SIGTERM lost every update.
TEST(MockStop, AnUpdateSurvivesKillNine) {
  const fs::path dir = fs::temp_directory_path() / ("conform-kill9-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path state = dir / "state.json";
  test::ConformProcess mock(
      {"mock", "--vendor", "finix", "--port", "0", "--state", state.string()});
  const int port = listening_port(mock, 30);
  ASSERT_GT(port, 0);
  const std::string body = R"({"enabled":false,"tags":{"survives":"kill-9"}})";
  const Response response =
      round_trip(port, std::string("PUT /users/USsRhsHYZGBPnQw8CByJyEQW HTTP/1.1\r\nHost: a\r\n") +
                           kFinixAuth + "Content-Type: application/json\r\nContent-Length: " +
                           std::to_string(body.size()) + "\r\n\r\n" + body);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(mock.stop(SIGKILL, 20), 128 + SIGKILL);
  std::ifstream in(state);
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("kill-9"), std::string::npos) << text.str();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace conform::mock
