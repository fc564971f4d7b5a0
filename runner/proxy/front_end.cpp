#include "proxy/front_end.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "mock/chunked_body.hpp"
#include "mock/exchange.hpp"
#include "mock/request_head.hpp"
#include "text/ascii_case.hpp"

namespace conform::proxy {
namespace {

using Clock = EventLoop::Clock;

// The request line and fields of a head read_request_head accepted ("PUT /x HTTP/1.1\r\n
// Name: value\r\n..."); false when the request line is not "METHOD TARGET HTTP/1.x".
bool read_unframed(std::string_view head, IncomingRequest& request, bool& keep_alive) {
  std::size_t end = head.find("\r\n");
  const std::string_view line = head.substr(0, end);
  const std::size_t first = line.find(' ');
  const std::size_t second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (first == 0 || second == std::string_view::npos || second == first + 1) return false;
  const std::string_view version = line.substr(second + 1);
  if (version.size() != 8 || version.compare(0, 7, "HTTP/1.") != 0) return false;
  request.method = std::string(line.substr(0, first));
  request.target = std::string(line.substr(first + 1, second - first - 1));
  if (request.target.find(' ') != std::string::npos) return false;
  bool close = false;
  bool keep = version[7] != '0';  // HTTP/1.0 closes unless it asks otherwise
  std::size_t start = end + 2;
  while (start < head.size()) {
    end = head.find("\r\n", start);
    const std::string_view field = head.substr(start, end - start);
    start = end + 2;
    if (field.empty()) break;
    const std::size_t colon = field.find(':');
    std::string_view value = field.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    const std::string_view name = field.substr(0, colon);
    if (text::equals_ignoring_case(name, "Connection")) {
      close = close || text::list_has_token(value, "close");
      keep = keep || text::list_has_token(value, "keep-alive");
    }
    request.headers.emplace_back(std::string(name), std::string(value));
  }
  keep_alive = keep && !close;
  return true;
}

// The answer's bytes: status line, headers, Content-Length (and Connection: close when the
// connection ends with it), the body unless the request was a HEAD.
std::string response_bytes(const OutgoingResponse& response, bool head_request, bool closing) {
  std::string out;
  out.reserve(160 + response.body.size());
  out.append("HTTP/1.1 ")
      .append(std::to_string(response.status))
      .append(" ")
      .append(mock::reason_phrase(response.status))
      .append("\r\n");
  for (const auto& [name, value] : response.headers) {
    out.append(name).append(": ").append(value).append("\r\n");
  }
  out.append("Content-Length: ").append(std::to_string(response.body.size())).append("\r\n");
  if (closing) out.append("Connection: close\r\n");
  out.append("\r\n");
  if (!head_request) out.append(response.body);
  return out;
}

}  // namespace

// The listening socket: each connection it accepts becomes a Connection.
class FrontEnd::Acceptor : public EventLoop::Watcher {
 public:
  Acceptor(FrontEnd& server, int fd) : server_(server), fd_(fd) {}
  ~Acceptor() override { ::close(fd_); }
  int fd() const { return fd_; }
  void on_ready(std::uint32_t) override {
    while (true) {
      const int fd = ::accept4(fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd >= 0) {
        server_.accept(fd);
      } else if (errno != EINTR && errno != ECONNABORTED) {
        return;  // EAGAIN: all taken; EMFILE and the like: the next edge tries again
      }
    }
  }
  Clock::time_point deadline() const override { return Clock::time_point::max(); }
  void on_deadline() override {}

 private:
  FrontEnd& server_;
  int fd_;
};

class FrontEnd::Connection : public EventLoop::Watcher {
 public:
  enum class State {
    idle,       // between requests
    reading,    // inside a request's head or body
    answering,  // the request is with the proxy
    writing,    // the answer is being written
  };

  Connection(FrontEnd& server, int fd, std::uint64_t id)
      : server_(server), fd_(fd), id_(id), since_(Clock::now()) {
    deadline_ = since_ + server_.limits_.idle;
  }
  ~Connection() override { ::close(fd_); }

  int fd() const { return fd_; }
  std::uint64_t id() const { return id_; }
  State state() const { return state_; }
  Clock::time_point since() const { return since_; }
  void close_after_answer() { keep_alive_ = false; }

  void on_ready(std::uint32_t events) override {
    if (events & EPOLLERR) return server_.close(*this);
    if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP)) readable_ = true;
    if (events & (EPOLLRDHUP | EPOLLHUP)) hung_up_ = true;
    if ((events & EPOLLOUT) && state_ == State::writing) return write_answer();
    if (state_ == State::idle || state_ == State::reading) read_and_advance();
  }
  Clock::time_point deadline() const override { return deadline_; }
  void on_deadline() override { server_.close(*this); }

  void respond(OutgoingResponse response) {
    if (state_ != State::answering) return;
    ++served_;
    const auto& limits = server_.limits_;
    if (too_large_ || served_ >= limits.requests_per_connection || server_.stopping_) {
      keep_alive_ = false;
    }
    out_ = response_bytes(response, head_request_, !keep_alive_);
    sent_ = 0;
    set_state(State::writing, Clock::now() + limits.write);
    write_answer();
  }

  // After an answer was written: the next request, if its bytes came already.
  void resume() {
    if (state_ == State::idle) read_and_advance();
  }

 private:
  void set_state(State state, Clock::time_point deadline) {
    state_ = state;
    since_ = Clock::now();
    deadline_ = deadline;
  }

  void read_and_advance() {
    if (readable_) receive();
    advance();
  }

  // Takes what the client sent, up to a bound: the rest waits in the kernel until this
  // request is answered.
  void receive() {
    const std::size_t bound = server_.limits_.head_limits.max_head_bytes +
                              server_.limits_.max_body_bytes + EventLoop::kReadSize;
    char buffer[EventLoop::kReadSize];
    while (in_.size() < bound) {
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n > 0) {
        in_.append(buffer, static_cast<std::size_t>(n));
        // Drained, unless the client also hung up: then on to the end of its bytes.
        if (static_cast<std::size_t>(n) < sizeof buffer && !hung_up_) break;
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) peer_closed_ = true;
      break;
    }
    readable_ = in_.size() >= bound;
  }

  // Reads as much of the request as has come; hands it on once it is whole.
  void advance() {
    const auto& limits = server_.limits_;
    if (phase_ == Phase::head) {
      if (scanned_ == 0) {
        // Empty lines before a request line are ignored (RFC 9112, section 2.2).
        const std::size_t text = in_.find_first_not_of("\r\n");
        in_.erase(0, text == std::string::npos ? in_.size() : text);
      }
      if (in_.empty()) {
        if (peer_closed_) return server_.close(*this);
        if (state_ != State::idle) set_state(State::idle, Clock::now() + limits.idle);
        return;
      }
      if (state_ == State::idle) {
        set_state(State::reading, Clock::now() + limits.head);
        started_ = since_;
      }
      const std::size_t end = mock::head_end(in_, scanned_);
      if (end == std::string::npos) {
        scanned_ = in_.size() > 3 ? in_.size() - 3 : 0;
        if (in_.size() > limits.head_limits.max_head_bytes) {
          return refuse(431, "the request head is larger than " +
                                 std::to_string(limits.head_limits.max_head_bytes) + " bytes");
        }
        if (peer_closed_) server_.close(*this);
        return;
      }
      scanned_ = 0;
      const mock::RequestHead head =
          mock::read_request_head(std::string_view(in_).substr(0, end), limits.head_limits);
      if (head.status != 0) return refuse(head.status, head.problem);
      request_ = IncomingRequest();
      if (!read_unframed(head.unframed, request_, keep_alive_)) {
        return refuse(400, "the request line is malformed");
      }
      request_line_ = in_.substr(0, in_.find("\r\n"));
      in_.erase(0, end);
      head_request_ = request_.method == "HEAD";
      deadline_ = started_ + limits.request;
      const bool continue_wanted = head.expect_continue;
      if (head.chunked) {
        chunked_.emplace(limits.max_body_bytes, limits.head_limits.max_request_line);
        phase_ = Phase::chunked;
        if (continue_wanted && in_.empty() && !send_continue()) return;
      } else if (head.content_length > limits.max_body_bytes) {
        // Not read: the proxy answers 413 and the connection closes.
        too_large_ = true;
        request_.too_large = true;
        return hand_on();
      } else {
        remaining_ = static_cast<std::size_t>(head.content_length);
        phase_ = Phase::length;
        if (continue_wanted && remaining_ > in_.size() && !send_continue()) return;
      }
    }
    if (phase_ == Phase::length) {
      if (in_.size() < remaining_) {
        if (peer_closed_) server_.close(*this);
        return;
      }
      request_.body = in_.substr(0, remaining_);
      in_.erase(0, remaining_);
      return hand_on();
    }
    in_.erase(0, chunked_->feed(in_));
    switch (chunked_->state()) {
      case mock::ChunkedBody::State::more:
        if (peer_closed_) server_.close(*this);
        return;
      case mock::ChunkedBody::State::malformed:
        return refuse(400, "the chunked body is malformed", request_line_);
      case mock::ChunkedBody::State::too_large:
        too_large_ = true;
        request_.too_large = true;
        return hand_on();
      case mock::ChunkedBody::State::done:
        request_.body = chunked_->body();
        return hand_on();
    }
  }

  void hand_on() {
    phase_ = Phase::head;
    chunked_.reset();
    // The proxy answers within its upstream timeout; the request's deadline is its backstop.
    set_state(State::answering, started_ + server_.limits_.request);
    FrontEnd* server = &server_;
    const std::uint64_t id = id_;
    server_.handler_(std::move(request_), [server, id](OutgoingResponse response) {
      server->respond(id, std::move(response));
    });
  }

  bool send_continue() {
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    // Into an empty send buffer: it fits, or the client is gone.
    if (::send(fd_, kContinue.data(), kContinue.size(), MSG_NOSIGNAL) ==
        static_cast<ssize_t>(kContinue.size())) {
      return true;
    }
    server_.close(*this);
    return false;
  }

  void refuse(int status, const std::string& message,
              std::optional<std::string_view> line = std::nullopt) {
    const auto& limits = server_.limits_;
    if (server_.refused_) {
      const std::size_t end =
          std::min({in_.find("\r\n"), in_.size(), limits.head_limits.max_request_line});
      server_.refused_(line ? *line : std::string_view(in_).substr(0, end), status);
    }
    keep_alive_ = false;
    out_ = mock::refusal_response(status, message);
    sent_ = 0;
    set_state(State::writing, Clock::now() + limits.write);
    write_answer();
  }

  // Writes what is left of the answer; once it is all out, the next request or the close.
  void write_answer() {
    while (sent_ < out_.size()) {
      const ssize_t n = ::send(fd_, out_.data() + sent_, out_.size() - sent_, MSG_NOSIGNAL);
      if (n > 0) {
        sent_ += static_cast<std::size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return;  // the rest when the client takes it (EPOLLOUT)
      } else {
        return server_.close(*this);
      }
    }
    out_.clear();
    if (!keep_alive_) return server_.close(*this);
    too_large_ = false;
    set_state(State::idle, Clock::now() + server_.limits_.idle);
    // Not from here: a pipelined request answered at once would recurse.
    FrontEnd* server = &server_;
    const std::uint64_t id = id_;
    server_.loop_.post([server, id] { server->resume(id); });
  }

  enum class Phase { head, length, chunked };

  FrontEnd& server_;
  const int fd_;
  const std::uint64_t id_;
  State state_ = State::idle;
  Clock::time_point since_;
  Clock::time_point started_;  // the request's first byte
  Clock::time_point deadline_;
  std::string in_;           // received, not yet used
  std::size_t scanned_ = 0;  // bytes of in_ known not to end the head
  bool readable_ = true;     // the kernel may hold more bytes of this client's
  bool hung_up_ = false;     // the client sent its last byte (its FIN came)
  bool peer_closed_ = false;
  Phase phase_ = Phase::head;
  std::size_t remaining_ = 0;  // Content-Length
  std::optional<mock::ChunkedBody> chunked_;
  IncomingRequest request_;
  std::string request_line_;
  bool head_request_ = false;
  bool too_large_ = false;
  bool keep_alive_ = true;
  std::size_t served_ = 0;
  std::string out_;
  std::size_t sent_ = 0;
};

FrontEnd::FrontEnd(EventLoop& loop, const mock::ConnectionLimits& limits, ConnectionCap& cap,
                   Handler handler, mock::RefusedRequest refused)
    : loop_(loop),
      limits_(limits),
      cap_(cap),
      handler_(std::move(handler)),
      refused_(std::move(refused)) {}

FrontEnd::~FrontEnd() { close_all(); }

int FrontEnd::listen(const std::string& host, int port) {
  const auto fail = [&] {
    return std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                              " (the address is in use or not local); try --port 0");
  };
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) throw fail();
  const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, ::freeaddrinfo);
  const int fd = ::socket(found->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) throw fail();
  const int on = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  // Each of the proxy's loops listens on the port; the kernel spreads the connections.
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on);
  if (::bind(fd, found->ai_addr, found->ai_addrlen) != 0 || ::listen(fd, SOMAXCONN) != 0) {
    ::close(fd);
    throw fail();
  }
  sockaddr_storage bound{};
  socklen_t size = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &size);
  acceptor_ = std::make_unique<Acceptor>(*this, fd);
  if (!loop_.add(fd, acceptor_.get())) {
    acceptor_.reset();
    throw fail();
  }
  return ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6&>(bound).sin6_port
                                           : reinterpret_cast<sockaddr_in&>(bound).sin_port);
}

void FrontEnd::accept(int fd) {
  if (stopping_ || !admit()) {
    const std::string refusal =
        mock::refusal_response(503, "conform proxy is serving as many connections as it can");
    [[maybe_unused]] const ssize_t sent = ::send(fd, refusal.data(), refusal.size(), MSG_NOSIGNAL);
    ::close(fd);
    return;
  }
  const int on = 1;  // with keep-alive, Nagle stalls every answer ~40 ms
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  const std::uint64_t id = next_id_++;
  auto connection = std::make_unique<Connection>(*this, fd, id);
  if (!loop_.add(fd, connection.get())) {
    cap_.open.fetch_sub(1);
    return;  // closed with it
  }
  connections_.emplace(id, std::move(connection));
}

bool FrontEnd::admit() {
  if (cap_.open.fetch_add(1) < cap_.max) return true;
  cap_.open.fetch_sub(1);
  Connection* oldest = nullptr;
  for (const auto state : {Connection::State::idle, Connection::State::reading}) {
    for (const auto& [id, connection] : connections_) {
      if (connection->state() == state && (!oldest || connection->since() < oldest->since())) {
        oldest = connection.get();
      }
    }
    if (oldest) break;
  }
  if (!oldest) return false;
  close(*oldest);
  cap_.open.fetch_add(1);
  return true;
}

void FrontEnd::close(Connection& connection) {
  const auto found = connections_.find(connection.id());
  if (found == connections_.end()) return;
  // Its place is free before the client can see the close: another loop may take the next.
  cap_.open.fetch_sub(1);
  loop_.remove(connection.fd());
  ::shutdown(connection.fd(), SHUT_RDWR);
  loop_.retire(std::move(found->second));
  connections_.erase(found);
}

void FrontEnd::respond(std::uint64_t id, OutgoingResponse response) {
  const auto found = connections_.find(id);
  if (found != connections_.end()) found->second->respond(std::move(response));
}

void FrontEnd::resume(std::uint64_t id) {
  const auto found = connections_.find(id);
  if (found != connections_.end()) found->second->resume();
}

void FrontEnd::begin_stop() {
  stopping_ = true;
  if (acceptor_) {
    loop_.remove(acceptor_->fd());
    loop_.retire(std::move(acceptor_));
  }
  std::vector<Connection*> idle;
  for (const auto& [id, connection] : connections_) {
    if (connection->state() == Connection::State::idle) {
      idle.push_back(connection.get());
    } else {
      connection->close_after_answer();
    }
  }
  for (Connection* connection : idle) close(*connection);
}

void FrontEnd::close_all() {
  while (!connections_.empty()) close(*connections_.begin()->second);
  if (acceptor_) {
    loop_.remove(acceptor_->fd());
    acceptor_.reset();
  }
}

}  // namespace conform::proxy
