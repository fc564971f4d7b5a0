// `conform proxy` against hostile and faulty clients over loopback: what its listening side
// must keep doing whatever server serves it. Stalled, non-reading and abrupt clients lock no
// one out; requests over a limit or badly framed are refused and never forwarded; pipelined,
// 100-continue, chunked and kept-alive requests are proxied whole and in order; past the
// connection cap a client gets a clear answer; and a stop no client or slow upstream holds up.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "proxy/proxy_server.hpp"
#include "support/catalogs.hpp"
#include "support/loopback.hpp"

namespace conform {
namespace {

using Clock = std::chrono::steady_clock;
using test::connect_to;
using test::send_all;

using test::closes_within;
using test::read_until;
using test::responses_in;
using Response = test::RawResponse;

// Reads until `count` complete responses (or a close) within `seconds`.
std::vector<Response> read_responses(int fd, std::size_t count, double seconds,
                                     bool* closed = nullptr) {
  return responses_in(read_until(
      fd, seconds, [count](const std::string& in) { return responses_in(in).size() >= count; },
      closed));
}

// Sends `request` to the proxy on a new connection; its first response within `seconds`.
Response proxied(int port, const std::string& request, double seconds = 10) {
  const int fd = connect_to(port);
  if (fd < 0) return {};
  send_all(fd, request);
  const auto responses = read_responses(fd, 1, seconds);
  ::close(fd);
  return responses.empty() ? Response{} : responses.front();
}

std::string get_request(const std::string& path, const std::string& fields = "") {
  return "GET " + path + " HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n";
}

std::string put_request(const std::string& path, const std::string& body) {
  return "PUT " + path +
         " HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

// The target the proxy forwards to, as a witness: it keeps every request that reached it
// exactly as it arrived, so a test can tell what was forwarded, in what order, over how many
// connections. It answers {"path": target}; /big with 8 MiB; /held/* only once release()
// names it (or at its destruction).
class RecordingUpstream {
 public:
  struct Seen {
    std::string method;
    std::string target;
    std::string body;
    std::string transfer_encoding;
    int remote_port = 0;  // the proxy's end of the connection it came on
  };

  RecordingUpstream() {
    // Every kept-alive connection of the proxy holds one of the library's workers: enough of
    // them that the witness never queues what the proxy sends.
    server_.new_task_queue = [] { return new httplib::ThreadPool(64); };
    server_.set_keep_alive_max_count(100000);
    // The library writes a head and its body apart: without this, each response of a
    // kept-alive connection waits out the proxy's delayed ACK (40 ms).
    server_.set_tcp_nodelay(true);
    const auto answer = [this](const httplib::Request& request, httplib::Response& response) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        seen_.push_back({request.method, request.target, request.body,
                         request.get_header_value("Transfer-Encoding"), request.remote_port});
        arrived_.notify_all();
      }
      if (request.path.rfind("/held/", 0) == 0) wait_for_release(request.path);
      if (request.path == "/big") {
        response.set_content(std::string(8 << 20, 'x'), "application/octet-stream");
      } else {
        response.set_content("{\"path\":\"" + request.target + "\"}", "application/json");
      }
    };
    server_.Get(".*", answer).Put(".*", answer).Post(".*", answer).Delete(".*", answer);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }

  ~RecordingUpstream() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      release_all_ = true;
      released_.notify_all();
    }
    server_.stop();
    thread_.join();
  }

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  std::vector<Seen> seen() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return seen_;
  }

  // Waits until `count` requests have arrived in all; false if they did not within `seconds`.
  bool wait_for(std::size_t count, double seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    return arrived_.wait_for(lock, std::chrono::duration<double>(seconds),
                             [&] { return seen_.size() >= count; });
  }

  // Lets the held request for `path` be answered.
  void release(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    released_paths_.insert(path);
    released_.notify_all();
  }

 private:
  void wait_for_release(const std::string& path) {
    std::unique_lock<std::mutex> lock(mutex_);
    // Bounded: a test that fails cannot leave the witness (or the proxy's stop) hanging.
    released_.wait_for(lock, std::chrono::seconds(20),
                       [&] { return release_all_ || released_paths_.count(path) > 0; });
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::condition_variable arrived_;
  std::condition_variable released_;
  std::vector<Seen> seen_;
  std::set<std::string> released_paths_;
  bool release_all_ = false;
};

class ProxyHostile : public ::testing::Test {
 protected:
  void start_proxy(proxy::ProxyOptions options = {}) {
    options.vendor = "finix";
    options.target = upstream_.base_url();
    proxy_ = std::make_unique<proxy::ProxyServer>(test::shipped_catalog(), options);
    port_ = proxy_->start();
  }

  std::vector<RecordingUpstream::Seen> forwarded() const { return upstream_.seen(); }

  // Declared first, so the proxy (and its kept-alive connections to it) goes first.
  RecordingUpstream upstream_;
  std::unique_ptr<proxy::ProxyServer> proxy_;
  int port_ = 0;
};

// Each stalled client holds a connection in the middle of its head, well inside the 10 s head
// deadline: another client is answered while they all still stall, not once they time out.
TEST_F(ProxyHostile, SixtyFourStalledClientsDoNotDelayAnotherOne) {
  start_proxy();
  std::vector<int> stalled;
  for (int i = 0; i < 64; ++i) {
    stalled.push_back(connect_to(port_));
    ASSERT_GE(stalled.back(), 0);
    send_all(stalled.back(), "GET /users/stalled HTTP/1.1\r\nHost: a\r\nX-Slow: ");
  }
  for (int i = 0; i < 5; ++i) {
    const Response response = proxied(port_, get_request("/users/prompt-" + std::to_string(i)), 3);
    EXPECT_EQ(response.status, 200) << "request " << i << " not answered within 3 s";
    EXPECT_EQ(response.body, "{\"path\":\"/users/prompt-" + std::to_string(i) + "\"}");
  }
  const auto seen = forwarded();
  EXPECT_EQ(seen.size(), 5u) << "no half-sent head is forwarded";
  for (const int fd : stalled) ::close(fd);
}

// Limits of the head (the proxy's are the mock's, not ProxyOptions fields: a request line of
// 8 KiB, a head of 64 KiB, 100 fields) are refused before anything is forwarded.
TEST_F(ProxyHostile, AnOversizedHeadIs431AndALongRequestLine414AndNeitherIsForwarded) {
  start_proxy();
  std::string large;
  for (int i = 0; i < 9; ++i)
    large += "X-" + std::to_string(i) + ": " + std::string(8000, 'a') + "\r\n";
  const Response too_large = proxied(port_, get_request("/users/large-head", large));
  EXPECT_EQ(too_large.status, 431) << too_large.head;
  std::string many;
  for (int i = 0; i < 150; ++i) many += "X-" + std::to_string(i) + ": 1\r\n";
  const Response too_many = proxied(port_, get_request("/users/many-fields", many));
  EXPECT_EQ(too_many.status, 431) << too_many.head;
  const Response long_line = proxied(port_, get_request("/users/" + std::string(9000, 'a')));
  EXPECT_EQ(long_line.status, 414) << long_line.head;
  EXPECT_TRUE(forwarded().empty());
  // The refusals closed their own connections only.
  EXPECT_EQ(proxied(port_, get_request("/users/after")).status, 200);
  ASSERT_EQ(forwarded().size(), 1u);
  EXPECT_EQ(forwarded().front().target, "/users/after");
}

// max_body_bytes, however the body is framed: a declared length over it is refused without
// waiting for the body (and a client that asked 100-continue is not told to send it).
TEST_F(ProxyHostile, ABodyOverMaxBodyBytesIs413AndNeverForwarded) {
  proxy::ProxyOptions options;
  options.max_body_bytes = 4096;
  start_proxy(options);
  const std::string body(5000, ' ');
  const Response declared = proxied(port_, put_request("/users/declared", body));
  EXPECT_EQ(declared.status, 413) << declared.head << declared.body;

  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  send_all(fd,
           "PUT /users/expecting HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
           "Expect: 100-continue\r\nContent-Length: 5000\r\n\r\n");
  const auto answer = read_responses(fd, 1, 10);
  ::close(fd);
  ASSERT_EQ(answer.size(), 1u);
  EXPECT_EQ(answer.front().status, 413) << "not 100 Continue: " << answer.front().head;

  const std::string chunk = "800\r\n" + std::string(0x800, ' ') + "\r\n";
  const Response chunked =
      proxied(port_,
              "PUT /users/chunked HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
              "Transfer-Encoding: chunked\r\n\r\n" +
                  chunk + chunk + chunk + "0\r\n\r\n");
  EXPECT_EQ(chunked.status, 413) << chunked.head << chunked.body;
  EXPECT_TRUE(forwarded().empty());

  const std::string fits(4096, ' ');
  EXPECT_EQ(proxied(port_, put_request("/users/fits", fits)).status, 200);
  ASSERT_EQ(forwarded().size(), 1u);
  EXPECT_EQ(forwarded().front().body, fits);
}

TEST_F(ProxyHostile, TwoPipelinedRequestsInOneWriteAreBothProxiedInOrder) {
  start_proxy();
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  send_all(fd, put_request("/users/first", R"({"n":1})") +
                   get_request("/users/second", "Connection: close\r\n"));
  bool closed = false;
  const auto responses = read_responses(fd, 2, 10, &closed);
  ::close(fd);
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].status, 200);
  EXPECT_EQ(responses[0].body, R"({"path":"/users/first"})");
  EXPECT_EQ(responses[1].status, 200);
  EXPECT_EQ(responses[1].body, R"({"path":"/users/second"})");
  const auto seen = forwarded();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].method, "PUT");
  EXPECT_EQ(seen[0].body, R"({"n":1})");
  EXPECT_EQ(seen[1].method, "GET");
  EXPECT_EQ(seen[1].target, "/users/second");
}

TEST_F(ProxyHostile, ExpectContinueGetsItsInterimAnswerBeforeTheBodyThenTheProxiedOne) {
  start_proxy();
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  const std::string body = R"({"enabled":true})";
  send_all(fd,
           "PUT /users/continued HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
           "Expect: 100-continue\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n\r\n");
  const std::string interim = read_until(
      fd, 10, [](const std::string& in) { return in.find("\r\n\r\n") != std::string::npos; });
  EXPECT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
  EXPECT_TRUE(forwarded().empty()) << "nothing is forwarded before the body";
  send_all(fd, body);
  const auto responses = read_responses(fd, 1, 10);
  ::close(fd);
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses.front().status, 200) << responses.front().head;
  ASSERT_EQ(forwarded().size(), 1u);
  EXPECT_EQ(forwarded().front().body, body);
}

// The upstream gets the body's bytes, not its chunk framing (extensions and trailers dropped).
TEST_F(ProxyHostile, AChunkedBodyReachesTheUpstreamDechunked) {
  start_proxy();
  // Framing inside the data is data: a last chunk and a request, as bytes of the body.
  const std::string body =
      "{\"note\":\"a\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n\"}" +
      std::string(3000, ' ');
  const auto chunk = [&](std::size_t from, std::size_t size, const std::string& extension = "") {
    char length[32];
    std::snprintf(length, sizeof length, "%zx", size);
    return length + extension + "\r\n" + body.substr(from, size) + "\r\n";
  };
  const std::string chunks = chunk(0, 7) + chunk(7, 30, ";name=value") +
                             chunk(37, body.size() - 37) + "0\r\nX-Trailer: t\r\n\r\n";
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  send_all(fd,
           "PUT /users/chunked HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
           "Transfer-Encoding: chunked\r\n\r\n" +
               chunks + get_request("/users/next"));
  const auto responses = read_responses(fd, 2, 10);
  ::close(fd);
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].status, 200) << responses[0].head << responses[0].body;
  EXPECT_EQ(responses[1].body, R"({"path":"/users/next"})");
  const auto seen = forwarded();
  ASSERT_EQ(seen.size(), 2u) << "the request after the chunked one was not read as one";
  EXPECT_EQ(seen[0].body, body);
  EXPECT_EQ(seen[0].transfer_encoding, "");
  EXPECT_EQ(seen[1].target, "/users/next");
}

TEST_F(ProxyHostile, AMalformedChunkedBodyIs400AndNeverForwarded) {
  start_proxy();
  const std::string head =
      "PUT /users/malformed HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (const std::string& chunks : {std::string("zz\r\n{}\r\n0\r\n\r\n"),     // not hex
                                    std::string("2\r\n{}}}\r\n0\r\n\r\n"),    // longer than said
                                    std::string("-2\r\n{}\r\n0\r\n\r\n")}) {  // signed
    bool closed = false;
    const int fd = connect_to(port_);
    ASSERT_GE(fd, 0);
    send_all(fd, head + chunks);
    const auto responses = read_responses(fd, 1, 10, &closed);
    const bool closes = closed || closes_within(fd, 10);
    ::close(fd);
    ASSERT_EQ(responses.size(), 1u) << chunks;
    EXPECT_EQ(responses.front().status, 400) << chunks;
    EXPECT_TRUE(closes) << "the bytes after a malformed body are never read as a request";
  }
  EXPECT_TRUE(forwarded().empty());
  EXPECT_EQ(proxied(port_, get_request("/users/after")).status, 200);
}

// What could not be checked as the target would get it is answered by the proxy and never
// forwarded: a method no API client sends (CONNECT would make the proxy a tunnel), and a
// compressed body (the checks read the bytes as sent).
TEST_F(ProxyHostile, ATunnelAMethodOfItsOwnOrACompressedBodyIsRefusedAndNeverForwarded) {
  start_proxy();
  for (const char* method : {"CONNECT", "TRACE", "BREW"}) {
    const Response refused =
        proxied(port_, std::string(method) + " /users/" + method + " HTTP/1.1\r\nHost: a\r\n\r\n");
    EXPECT_EQ(refused.status, 405) << method << ": " << refused.head;
    EXPECT_NE(refused.body.find("are not forwarded"), std::string::npos) << refused.body;
  }
  const Response compressed =
      proxied(port_,
              "PUT /users/gzip HTTP/1.1\r\nHost: a\r\nContent-Encoding: gzip\r\n"
              "Content-Type: application/json\r\nContent-Length: 4\r\n\r\n\x1f\x8b\x08\x08");
  EXPECT_EQ(compressed.status, 415) << compressed.head;
  EXPECT_TRUE(forwarded().empty());
  EXPECT_EQ(proxied(port_, get_request("/users/after")).status, 200);
}

// Clients that ask for 8 MiB and read none of it (their receive buffers kept small) hold the
// proxy's writes to them; every other client is still answered meanwhile.
TEST_F(ProxyHostile, ClientsThatNeverReadTheirResponsesBlockNoOneElse) {
  start_proxy();
  std::vector<int> deaf;
  for (int i = 0; i < 4; ++i) {
    deaf.push_back(connect_to(port_, 4096));
    ASSERT_GE(deaf.back(), 0);
    send_all(deaf.back(), get_request("/big"));
  }
  ASSERT_TRUE(upstream_.wait_for(4, 10)) << "the big requests were not forwarded";
  for (int i = 0; i < 5; ++i) {
    const Response response =
        proxied(port_, get_request("/users/meanwhile-" + std::to_string(i)), 3);
    EXPECT_EQ(response.status, 200) << "request " << i << " not answered within 3 s";
  }
  for (const int fd : deaf) ::close(fd);
}

// Past max_connections, with every connection busy (nothing idle to close for room), a new
// client gets a clear refusal at once, not a wait; once a connection ends, the next is served.
TEST_F(ProxyHostile, PastMaxConnectionsANewClientIsRefusedUntilOneCloses) {
  proxy::ProxyOptions options;
  options.max_connections = 2;
  start_proxy(options);
  std::vector<int> busy;
  for (int i = 0; i < 2; ++i) {
    busy.push_back(connect_to(port_));
    ASSERT_GE(busy.back(), 0);
    send_all(busy.back(), get_request("/held/" + std::to_string(i), "Connection: close\r\n"));
  }
  ASSERT_TRUE(upstream_.wait_for(2, 10)) << "the held requests were not forwarded";

  const int extra = connect_to(port_);
  if (extra >= 0) {
    send_all(extra, get_request("/users/extra"));
    bool closed = false;
    const auto refused = read_responses(extra, 1, 3, &closed);
    const bool closes = closed || closes_within(extra, 3);
    ::close(extra);
    if (!refused.empty()) {
      EXPECT_EQ(refused.front().status, 503) << refused.front().head;
      EXPECT_NE(refused.front().head.find("application/json"), std::string::npos);
      EXPECT_EQ(refused.front().body.rfind("{\"message\":\"", 0), 0u) << refused.front().body;
    }
    EXPECT_TRUE(closes) << "the extra client was neither refused nor closed within 3 s";
  }

  upstream_.release("/held/0");
  bool closed = false;
  const auto first = read_responses(busy[0], 1, 10, &closed);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first.front().status, 200);
  ASSERT_TRUE(closed || closes_within(busy[0], 10)) << "Connection: close was not honoured";
  ::close(busy[0]);
  EXPECT_EQ(proxied(port_, get_request("/users/next")).status, 200);
  upstream_.release("/held/1");
  EXPECT_EQ(read_responses(busy[1], 1, 10).size(), 1u);
  ::close(busy[1]);
  for (const auto& seen : forwarded()) EXPECT_NE(seen.target, "/users/extra");
}

// Whatever a client sends that is no HTTP/1.1 request (nothing at all, a TLS handshake, an SSH
// banner, bytes no request line may hold) ends with a 400 or a close of its own connection; the
// proxy keeps serving, and forwards none of it.
TEST_F(ProxyHostile, GarbageAndAbruptClientsGetA400OrACloseAndOthersAreStillServed) {
  start_proxy();
  for (int i = 0; i < 20; ++i) {
    const int fd = connect_to(port_);
    ASSERT_GE(fd, 0);
    ::close(fd);
  }
  // Connected, then reset with a request half sent.
  for (int i = 0; i < 20; ++i) {
    const int fd = connect_to(port_);
    ASSERT_GE(fd, 0);
    send_all(fd, "PUT /users/cut HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"a\":");
    const linger reset{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    ::close(fd);
  }
  // A TLS ClientHello's first bytes (record header, handshake header, version, part of the
  // random) on the plain port: no line ends in it, so the client gives up (half-closes).
  const std::string tls_hello("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\x5c\x1e\x00\xff", 15);
  for (const std::string& garbage :
       {tls_hello, tls_hello + "\r\n\r\n", std::string("GET / SSH-2.0\r\n\r\n"),
        std::string("SSH-2.0-OpenSSH_9.6\r\n\r\n"), std::string("\r\n\r\n\r\n"),
        std::string("GET /users/a") + '\0' + "b HTTP/1.1\r\n\r\n",
        std::string(" / HTTP/1.1\r\nHost: a\r\n\r\n")}) {
    const int fd = connect_to(port_);
    ASSERT_GE(fd, 0);
    send_all(fd, garbage);
    ::shutdown(fd, SHUT_WR);
    bool closed = false;
    const std::string answer = read_until(
        fd, 5, [](const std::string&) { return false; }, &closed);
    ::close(fd);
    EXPECT_TRUE(closed) << "no close within 5 s after: " << testing::PrintToString(garbage);
    if (!answer.empty()) {
      EXPECT_EQ(answer.rfind("HTTP/1.1 400 ", 0), 0u)
          << testing::PrintToString(garbage) << " -> " << answer;
    }
  }
  EXPECT_TRUE(forwarded().empty());
  const Response after = proxied(port_, get_request("/users/after"));
  EXPECT_EQ(after.status, 200);
  ASSERT_EQ(forwarded().size(), 1u);
  EXPECT_EQ(forwarded().front().target, "/users/after");
}

// stop() documents: "idle connections close at once, requests in progress get 5 seconds".
TEST_F(ProxyHostile, StopClosesIdleKeptAliveConnectionsAtOnce) {
  start_proxy();
  std::vector<int> idle;
  for (int i = 0; i < 8; ++i) {
    idle.push_back(connect_to(port_));
    ASSERT_GE(idle.back(), 0);
    send_all(idle.back(), get_request("/users/idle"));
    ASSERT_EQ(read_responses(idle.back(), 1, 10).size(), 1u);
  }
  // Within 2 s, well under the 5 s grace and the 5 s idle timeout: closed, not timed out.
  auto stopped = std::async(std::launch::async, [&] { proxy_->stop(); });
  EXPECT_EQ(stopped.wait_for(std::chrono::seconds(2)), std::future_status::ready);
  for (const int fd : idle) {
    EXPECT_TRUE(closes_within(fd, 2));
    ::close(fd);
  }
  stopped.wait();
}

TEST_F(ProxyHostile, StopLetsARequestInProgressFinishWithinTheGrace) {
  start_proxy();
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  send_all(fd, get_request("/held/finishing"));
  ASSERT_TRUE(upstream_.wait_for(1, 10));
  auto stopped = std::async(std::launch::async, [&] { proxy_->stop(); });
  // The upstream answers once the stop is under way, inside its grace.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  upstream_.release("/held/finishing");
  bool closed = false;
  const auto responses = read_responses(fd, 1, 10, &closed);
  ASSERT_EQ(responses.size(), 1u) << "the request in progress was cut short";
  EXPECT_EQ(responses.front().status, 200);
  EXPECT_TRUE(closed || closes_within(fd, 5)) << "the connection outlived the stop";
  ::close(fd);
  EXPECT_EQ(stopped.wait_for(std::chrono::seconds(5)), std::future_status::ready);
}

// An upstream that never answers cannot hold stop() past its 5 s grace (2 s of margin here);
// the client's connection is closed by then.
// DISABLED: today stop() shuts the client's connection down at 5 s but then joins the
// connection's thread, which still waits on the upstream: stop() returns only when the
// upstream answers or timeout_ms (30 s by default) runs out (measured: 20.0 s with this
// witness holding the request 20 s, 3.0 s with timeout_ms = 3000).
TEST_F(ProxyHostile, StopGivesARequestWaitingOnASlowUpstreamAtMostFiveSeconds) {
  start_proxy();
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  send_all(fd, get_request("/held/forever"));
  ASSERT_TRUE(upstream_.wait_for(1, 10));
  auto stopped = std::async(std::launch::async, [&] { proxy_->stop(); });
  const bool in_time = stopped.wait_for(std::chrono::seconds(7)) == std::future_status::ready;
  EXPECT_TRUE(in_time) << "stop() still waits 7 s after it was called";
  EXPECT_TRUE(closes_within(fd, in_time ? 1 : 0.1)) << "the client's connection is still open";
  upstream_.release("/held/forever");  // lets a stop that overran end, so the test does
  stopped.wait();
  ::close(fd);
}

TEST_F(ProxyHostile, TwoHundredRequestsOnOneKeptAliveConnectionAreAllAnswered) {
  start_proxy();
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  int answered = 0;
  for (int i = 0; i < 200; ++i) {
    const std::string path = "/users/" + std::to_string(i);
    if (!send_all(
            fd, i % 2 ? get_request(path) : put_request(path, "{\"n\":" + std::to_string(i) + "}")))
      break;
    bool closed = false;
    const auto responses = read_responses(fd, 1, 10, &closed);
    if (responses.size() != 1u || closed) break;
    EXPECT_EQ(responses.front().body, "{\"path\":\"" + path + "\"}");
    ++answered;
  }
  ::close(fd);
  EXPECT_EQ(answered, 200);
  const auto seen = forwarded();
  ASSERT_EQ(seen.size(), 200u);
  std::set<int> upstream_connections;
  for (const auto& request : seen) upstream_connections.insert(request.remote_port);
  // One after another, the proxy's requests go over a kept-alive connection to the upstream:
  // a handful at most, never one per request.
  EXPECT_LE(upstream_connections.size(), 4u);
}

}  // namespace
}  // namespace conform
