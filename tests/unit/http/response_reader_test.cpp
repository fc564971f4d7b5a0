// The client against a server that answers with scripted bytes: each framing HTTP/1.x allows,
// interim responses, a kept-alive connection the server dropped, and responses that are not
// HTTP or break a limit.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "http/client.hpp"

namespace conform::http {
namespace {

// What the server does with one request: write `bytes`, then close the connection or not.
struct Reply {
  std::string bytes;
  bool close = false;
};

// Listens on 127.0.0.1; each connection it accepts is answered by the next script in turn,
// one reply per request read. Records each request as it came.
class ScriptedServer {
 public:
  explicit ScriptedServer(std::vector<std::vector<Reply>> connections)
      : connections_(std::move(connections)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(listener_, 8);
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~ScriptedServer() {
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    thread_.join();
  }

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  int port() const { return port_; }
  int accepted() const { return accepted_; }
  std::vector<std::string> requests() const { return requests_; }

 private:
  void serve() {
    for (const auto& script : connections_) {
      const int fd = ::accept(listener_, nullptr, nullptr);
      if (fd < 0) return;
      ++accepted_;
      for (const Reply& reply : script) {
        std::string request;
        if (!read_request(fd, request)) break;
        requests_.push_back(request);
        ::send(fd, reply.bytes.data(), reply.bytes.size(), MSG_NOSIGNAL);
        if (reply.close) break;
      }
      ::close(fd);
    }
  }

  static bool read_request(int fd, std::string& request) {
    char buffer[4096];
    while (true) {
      const std::size_t end = request.find("\r\n\r\n");
      if (end != std::string::npos) {
        const std::size_t at = request.find("Content-Length: ");
        const std::size_t body = at == std::string::npos ? 0 : std::stoul(request.substr(at + 16));
        if (request.size() >= end + 4 + body) return true;
      }
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) return false;
      request.append(buffer, static_cast<std::size_t>(n));
    }
  }

  std::vector<std::vector<Reply>> connections_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<int> accepted_{0};
  std::vector<std::string> requests_;
  std::thread thread_;
};

ClientOptions quick() {
  ClientOptions options;
  options.connect_timeout_ms = 1000;
  options.read_timeout_ms = 2000;
  options.exchange_timeout_ms = 3000;
  options.retries = 0;
  return options;
}

const std::string kOk = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

TEST(ResponseReader, TheRequestGoesWithHostLengthAndBodyAfterItsOwnHeaders) {
  ScriptedServer server({{{kOk}}});
  Client client(quick());
  const Response response =
      client.send({"PUT", server.url("/users/1?x=y"), {{"Finix-Version", "2022-02-01"}}, "{}"});
  ASSERT_EQ(response.status, 200) << (response.findings.empty() ? ""
                                                                : response.findings[0].message);
  EXPECT_EQ(response.body, "ok");
  ASSERT_EQ(server.requests().size(), 1u);
  const std::string request = server.requests()[0];
  EXPECT_EQ(request.rfind("PUT /users/1?x=y HTTP/1.1\r\nFinix-Version: 2022-02-01\r\n", 0), 0u)
      << request;
  EXPECT_NE(request.find("\r\nHost: 127.0.0.1:" + std::to_string(server.port()) + "\r\n"),
            std::string::npos)
      << request;
  EXPECT_NE(request.find("\r\nContent-Length: 2\r\n\r\n{}"), std::string::npos) << request;
}

TEST(ResponseReader, ReadsChunksAndTrailersAndKeepsTheConnection) {
  ScriptedServer server({{{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                           "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"},
                          {kOk}}});
  Client client(quick());
  const Response first = client.send({"GET", server.url("/a"), {}, ""});
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "hello world");
  EXPECT_EQ(client.send({"GET", server.url("/b"), {}, ""}).body, "ok");
  EXPECT_EQ(server.accepted(), 1) << "the chunked response ended where it said";
}

TEST(ResponseReader, AnHttp10BodyRunsToTheCloseAndTheConnectionIsNotReused) {
  ScriptedServer server(
      {{{"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it", true}}, {{kOk}}});
  Client client(quick());
  const Response first = client.send({"GET", server.url("/a"), {}, ""});
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "all of it");
  EXPECT_EQ(first.header("content-type"), "text/plain");
  EXPECT_EQ(client.send({"GET", server.url("/b"), {}, ""}).body, "ok");
  EXPECT_EQ(server.accepted(), 2);
}

TEST(ResponseReader, SkipsAnInterimResponse) {
  ScriptedServer server({{{"HTTP/1.1 100 Continue\r\n\r\n" + kOk}}});
  Client client(quick());
  const Response response = client.send({"POST", server.url("/a"), {}, "{}"});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "ok");
}

TEST(ResponseReader, AKeptAliveConnectionTheServerDropsIsReplacedWithinTheAttempt) {
  // The second request finds the server closing the kept-alive connection without a word;
  // it goes again, once, on a new connection.
  ScriptedServer server(
      {{{kOk}, {"", true}}, {{"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"}}});
  Client client(quick());
  EXPECT_EQ(client.send({"PUT", server.url("/a"), {}, "{}"}).status, 200);
  const Response second = client.send({"PUT", server.url("/a"), {}, "{}"});
  EXPECT_EQ(second.status, 201) << (second.findings.empty() ? "" : second.findings[0].message);
  EXPECT_EQ(second.attempts, 1);
  EXPECT_EQ(server.accepted(), 2);
}

TEST(ResponseReader, APostTheDroppedConnectionLostIsNotSentAgain) {
  // The target may have acted on it: whether to resend is the caller's decision.
  ScriptedServer server({{{kOk}, {"", true}}, {{kOk}}});
  Client client(quick());
  EXPECT_EQ(client.send({"POST", server.url("/a"), {}, "{}"}).status, 200);
  const Response second = client.send({"POST", server.url("/a"), {}, "{}"});
  EXPECT_EQ(second.status, 0);
  ASSERT_EQ(second.findings.size(), 1u);
  EXPECT_NE(second.findings[0].message.find("no complete response from"), std::string::npos)
      << second.findings[0].message;
  EXPECT_EQ(server.accepted(), 1);
}

std::string gzip(const std::string& text) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, text.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// conform asks for no encoding; a server that compresses anyway is read as it meant.
TEST(ResponseReader, AGzippedBodyIsReadAsTheBytesItStandsFor) {
  const std::string body = gzip(R"({"enabled":true})");
  ScriptedServer server({{{"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " +
                           std::to_string(body.size()) + "\r\n\r\n" + body}}});
  Client client(quick());
  const Response response = client.send({"GET", server.url("/a"), {}, ""});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"enabled":true})");
}

TEST(ResponseReader, ABodyInACodingItCannotReadIsAFinding) {
  ScriptedServer server(
      {{{"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 3\r\n\r\nabc"}},
       {{"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 3\r\n\r\nabc"}}});
  ClientOptions options = quick();
  options.retries = 0;
  for (const char* says : {"its Content-Encoding is br", "is not the gzip data"}) {
    Client client(options);
    const Response response = client.send({"GET", server.url("/a"), {}, ""});
    EXPECT_EQ(response.status, 0);
    ASSERT_EQ(response.findings.size(), 1u);
    EXPECT_NE(response.findings[0].message.find(says), std::string::npos)
        << response.findings[0].message;
  }
}

TEST(ResponseReader, AResponseCutShortIsAFinding) {
  ScriptedServer server({{{"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", true}}});
  Client client(quick());
  const Response response = client.send({"GET", server.url("/a"), {}, ""});
  EXPECT_EQ(response.status, 0);
  ASSERT_EQ(response.findings.size(), 1u);
  EXPECT_NE(response.findings[0].message.find("no complete response from"), std::string::npos)
      << response.findings[0].message;
}

TEST(ResponseReader, WhatIsNotHttpIsNamedAsSuch) {
  ScriptedServer server({{{"SSH-2.0-OpenSSH_9.2\r\n\r\n", true}}});
  Client client(quick());
  const Response response = client.send({"GET", server.url("/a"), {}, ""});
  EXPECT_EQ(response.status, 0);
  ASSERT_EQ(response.findings.size(), 1u);
  EXPECT_NE(response.findings[0].message.find("is not HTTP/1.x: the status line"),
            std::string::npos)
      << response.findings[0].message;
}

TEST(ResponseReader, AnEndlessHeadStopsAtItsLimit) {
  ScriptedServer server(
      {{{"HTTP/1.1 200 OK\r\nX-Long: " + std::string(70 * 1024, 'a') + "\r\n\r\n", true}}});
  Client client(quick());
  const Response response = client.send({"GET", server.url("/a"), {}, ""});
  EXPECT_EQ(response.status, 0);
  ASSERT_EQ(response.findings.size(), 1u);
  EXPECT_NE(response.findings[0].message.find("head from"), std::string::npos)
      << response.findings[0].message;
}

TEST(ResponseReader, AHeaderThatWouldStartAnotherLineIsNeverSent) {
  ScriptedServer server({});
  Client client(quick());
  const Response response =
      client.send({"GET", server.url("/a"), {{"X-Note", "a\r\nX-Injected: 1"}}, ""});
  EXPECT_EQ(response.status, 0);
  ASSERT_EQ(response.findings.size(), 1u);
  EXPECT_NE(response.findings[0].message.find("not sent: header \"X-Note\""), std::string::npos)
      << response.findings[0].message;
  EXPECT_EQ(response.attempts, 0);
  EXPECT_EQ(server.accepted(), 0);
}

}  // namespace
}  // namespace conform::http
