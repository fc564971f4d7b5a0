// FrontEnd: the proxy's listening side, on an EventLoop. It accepts connections, reads each
// request within the limits and deadlines the mock's server keeps (the same head reader,
// framing rules and refusals: 400, 414, 431, 501, 413), hands it whole to the proxy, and
// writes the answer when the proxy gives it, now or after the target answered. Requests on
// one connection are answered in order; a slow or idle client costs a buffer, not a thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "mock/connection.hpp"
#include "model/case_result.hpp"
#include "proxy/event_loop.hpp"

namespace conform::proxy {

struct IncomingRequest {
  std::string method;
  std::string target;      // path and query, as sent
  Headers headers;         // as sent, without the framing ones (Content-Length, Transfer-Encoding)
  std::string body;        // de-chunked
  bool too_large = false;  // the body is over the limit: not read, and the connection closes
};

struct OutgoingResponse {
  int status = 200;
  Headers headers;  // the front end adds Content-Length, and Connection: close when it closes
  std::string body;
};

// The most connections the proxy holds, over every loop's front end.
struct ConnectionCap {
  explicit ConnectionCap(std::size_t most) : max(most) {}
  const std::size_t max;
  std::atomic<std::size_t> open{0};
};

class FrontEnd {
 public:
  // Answers a request, once, from the loop's thread; a no-op once the client is gone.
  using Respond = std::function<void(OutgoingResponse)>;
  using Handler = std::function<void(IncomingRequest, Respond)>;

  // `cap` is shared with the other loops' front ends and outlives them.
  FrontEnd(EventLoop& loop, const mock::ConnectionLimits& limits, ConnectionCap& cap,
           Handler handler, mock::RefusedRequest refused);
  ~FrontEnd();
  FrontEnd(const FrontEnd&) = delete;
  FrontEnd& operator=(const FrontEnd&) = delete;

  // Binds host:port (0: a free port) and returns the port. Throws std::runtime_error.
  int listen(const std::string& host, int port);
  // Stops accepting and closes the idle connections; the others close after their answer.
  void begin_stop();
  bool has_connections() const { return !connections_.empty(); }
  void close_all();

 private:
  class Connection;
  class Acceptor;
  void accept(int fd);
  void close(Connection& connection);
  void respond(std::uint64_t id, OutgoingResponse response);
  void resume(std::uint64_t id);
  // A place for one more connection under the cap; past it, made by closing this loop's
  // connection idle longest, else the one reading longest. False when every one is busy.
  bool admit();

  EventLoop& loop_;
  mock::ConnectionLimits limits_;
  ConnectionCap& cap_;
  Handler handler_;
  mock::RefusedRequest refused_;
  std::unique_ptr<Acceptor> acceptor_;
  std::unordered_map<std::uint64_t, std::unique_ptr<Connection>> connections_;
  std::uint64_t next_id_ = 1;
  bool stopping_ = false;
};

}  // namespace conform::proxy
