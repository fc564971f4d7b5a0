#include "proxy/upstream.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/ssl.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "http/connection.hpp"
#include "http/request_bytes.hpp"
#include "http/response_parser.hpp"

namespace conform::proxy {
namespace {

using Clock = EventLoop::Clock;
using http::Failure;

// Idle connections kept for the next requests, and how long one may idle.
constexpr std::size_t kMaxIdle = 64;
constexpr std::chrono::seconds kIdleFor{30};

socklen_t length_of(const sockaddr_storage& address) {
  return address.ss_family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in);
}

}  // namespace

struct Upstream::Exchange {
  std::string wire;
  bool head_request = false;
  bool may_go_again = false;  // idempotent, and not sent twice yet
  Clock::time_point started;
  Clock::time_point deadline;
  Done done;
};

class Upstream::Connection : public EventLoop::Watcher {
 public:
  enum class State { connecting, handshaking, writing, reading, idle };

  Connection(Upstream& upstream, int fd, std::size_t address)
      : upstream_(upstream), fd_(fd), address_(address) {}
  ~Connection() override {
    if (ssl_) SSL_free(ssl_);
    ::close(fd_);
  }

  int fd() const { return fd_; }

  // A new connection, its connect() under way (or done).
  void connect(std::unique_ptr<Exchange> exchange, bool connected) {
    exchange_ = std::move(exchange);
    state_ = State::connecting;
    const auto connect_by =
        Clock::now() + std::chrono::milliseconds(upstream_.options_.connect_timeout_ms);
    deadline_ = std::min(connect_by, exchange_->deadline);
    if (connected) on_connected();
  }

  // A kept-alive connection takes the next exchange.
  void reuse(std::unique_ptr<Exchange> exchange) {
    exchange_ = std::move(exchange);
    reused_ = true;
    begin_writing();
  }

  void on_ready(std::uint32_t events) override {
    if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) readable_ = true;
    if (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) hung_up_ = true;
    switch (state_) {
      case State::idle:
        // The target closed it, or sent what no one asked for: not to be used again.
        if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) upstream_.close(*this);
        return;
      case State::connecting:
        if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) on_connect_result();
        return;
      case State::handshaking:
        return handshake();
      case State::writing:
        return write();
      case State::reading:
        if (readable_ || ssl_) read();
        return;
    }
  }

  Clock::time_point deadline() const override { return deadline_; }

  void on_deadline() override {
    if (state_ == State::idle) return upstream_.close(*this);
    const bool connecting = state_ == State::connecting || state_ == State::handshaking;
    fail(connecting ? Failure::connect_timeout : Failure::deadline);
  }

 private:
  void on_connect_result() {
    int error = 0;
    socklen_t size = sizeof error;
    if (::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &size) != 0) error = errno;
    if (error == EINPROGRESS || error == EALREADY) return;
    if (error != 0) {
      // The next address may answer.
      auto exchange = std::move(exchange_);
      const std::size_t next = address_ + 1;
      Upstream& upstream = upstream_;
      upstream.close(*this);
      return upstream.open(std::move(exchange), next);
    }
    on_connected();
  }

  void on_connected() {
    const int on = 1;  // with keep-alive, Nagle stalls every exchange ~40 ms
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    if (upstream_.origin_.scheme != "https") return begin_writing();
    SSL_CTX* context = upstream_.tls_context();
    if (!context) return fail(Failure::tls_certificates);
    ssl_ = http::new_client_session(context, upstream_.origin_.host);
    if (!ssl_) return fail(Failure::tls_handshake);
    SSL_set_fd(ssl_, fd_);
    state_ = State::handshaking;
    handshake();
  }

  void handshake() {
    const int result = SSL_do_handshake(ssl_);
    if (result == 1) return begin_writing();
    const int error = SSL_get_error(ssl_, result);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) return;
    std::string detail;
    const Failure failure = http::handshake_failure(ssl_, detail);
    fail(failure, detail);
  }

  void begin_writing() {
    state_ = State::writing;
    deadline_ = exchange_->deadline;
    sent_ = 0;
    write();
  }

  void write() {
    const std::string& wire = exchange_->wire;
    while (sent_ < wire.size()) {
      const std::size_t left = wire.size() - sent_;
      if (ssl_) {
        const int n = SSL_write(ssl_, wire.data() + sent_,
                                static_cast<int>(std::min<std::size_t>(left, 1 << 30)));
        if (n > 0) {
          sent_ += static_cast<std::size_t>(n);
          continue;
        }
        const int error = SSL_get_error(ssl_, n);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) return;
        return lost(Failure::write);
      }
      const ssize_t n = ::send(fd_, wire.data() + sent_, left, MSG_NOSIGNAL);
      if (n > 0) {
        sent_ += static_cast<std::size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return;  // the rest on EPOLLOUT
      } else {
        return lost(Failure::write);
      }
    }
    state_ = State::reading;
    parser_ = std::make_unique<http::ResponseParser>(exchange_->head_request,
                                                     upstream_.options_.max_response_bytes, body_);
    if (readable_ || ssl_) read();
  }

  void read() {
    char buffer[EventLoop::kReadSize];
    while (parser_->state() == http::ResponseParser::State::more) {
      if (ssl_) {
        const int n = SSL_read(ssl_, buffer, sizeof buffer);
        if (n > 0) {
          parser_->feed(std::string_view(buffer, static_cast<std::size_t>(n)));
          continue;
        }
        const int error = SSL_get_error(ssl_, n);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
          readable_ = false;
          return;
        }
        parser_->close();  // a close_notify, a reset or a TLS error: the response ends here
        break;
      }
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n > 0) {
        parser_->feed(std::string_view(buffer, static_cast<std::size_t>(n)));
        // Drained (the next bytes bring an edge), unless the target also hung up: then on to
        // the end of its bytes.
        if (static_cast<std::size_t>(n) < sizeof buffer && !hung_up_) {
          readable_ = false;
          if (parser_->state() == http::ResponseParser::State::more) return;
        }
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        readable_ = false;
        return;
      } else {
        parser_->close();
      }
    }
    http::ReadResponse& result = parser_->result();
    if (result.error != Failure::none) {
      return result.error == Failure::incomplete && !result.received_any && exchange_->may_go_again
                 ? lost(Failure::incomplete)
                 : fail(result.error, result.detail);
    }
    http::Response response;
    response.status = result.status;
    response.headers = std::move(result.headers);
    response.body = body_.text();
    finish(std::move(response), result.reusable);
  }

  // The kept-alive connection broke before the request was answered: once more on a new one
  // when it may go again (a write that broke never arrived whole).
  void lost(Failure failure) {
    if (!reused_ || (failure != Failure::write && !exchange_->may_go_again)) return fail(failure);
    auto exchange = std::move(exchange_);
    exchange->may_go_again = false;
    Upstream& upstream = upstream_;
    upstream.close(*this);
    upstream.open(std::move(exchange), 0);
  }

  void fail(Failure failure, const std::string& detail = {}) {
    finish(upstream_.failure_response(failure, detail), false);
  }

  void finish(http::Response response, bool reusable) {
    auto exchange = std::move(exchange_);
    response.attempts = 1;
    response.duration_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - exchange->started).count();
    parser_.reset();
    body_.clear();
    reused_ = false;
    Upstream& upstream = upstream_;
    if (reusable) {
      state_ = State::idle;
      deadline_ = Clock::now() + kIdleFor;
      upstream.keep_idle(*this);
    } else {
      upstream.close(*this);
    }
    exchange->done(std::move(response));
  }

  Upstream& upstream_;
  const int fd_;
  const std::size_t address_;
  SSL* ssl_ = nullptr;
  State state_ = State::connecting;
  Clock::time_point deadline_ = Clock::time_point::max();
  std::unique_ptr<Exchange> exchange_;
  bool reused_ = false;
  bool readable_ = false;
  bool hung_up_ = false;  // the target sent its last byte
  std::size_t sent_ = 0;
  http::BodyBuffer body_;
  std::unique_ptr<http::ResponseParser> parser_;
};

Upstream::Upstream(EventLoop& loop, std::string base_url, http::ClientOptions options)
    : loop_(loop), base_url_(std::move(base_url)), options_(std::move(options)) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
  const auto origin = http::parse_url(base_url_);
  if (!origin) throw std::invalid_argument("'" + base_url_ + "' is not an http(s) URL");
  origin_ = *origin;
}

Upstream::~Upstream() { close_all(); }

void Upstream::send(http::Request request, const std::string& target, Done done) {
  auto exchange = std::make_unique<Exchange>();
  exchange->started = Clock::now();
  exchange->deadline = exchange->started + std::chrono::milliseconds(options_.exchange_timeout_ms);
  exchange->done = std::move(done);
  const auto url = http::parse_url(base_url_ + target);
  const auto unsafe = http::unsafe_header(request.headers);
  if (!url || unsafe) {
    return fail(std::move(exchange), Failure::unsafe_header,
                url ? "header \"" + *unsafe + "\" holds a line break" : "the target is no URL");
  }
  exchange->head_request = request.method == "HEAD";
  exchange->may_go_again = http::idempotent(request.method);
  exchange->wire = http::request_bytes(request, *url);
  if (!idle_.empty()) {
    Connection* connection = idle_.back();
    idle_.pop_back();
    return connection->reuse(std::move(exchange));
  }
  open(std::move(exchange), 0);
}

void Upstream::open(std::unique_ptr<Exchange> exchange, std::size_t address) {
  const auto& known = addresses();
  if (address >= known.size()) return fail(std::move(exchange), Failure::cannot_connect, {});
  const sockaddr_storage& to = known[address];
  const int fd = ::socket(to.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return fail(std::move(exchange), Failure::cannot_connect, {});
  auto connection = std::make_unique<Connection>(*this, fd, address);
  if (!loop_.add(fd, connection.get())) {
    return fail(std::move(exchange), Failure::cannot_connect, {});
  }
  const int result = ::connect(fd, reinterpret_cast<const sockaddr*>(&to), length_of(to));
  if (result != 0 && errno != EINPROGRESS) {
    loop_.remove(fd);
    return open(std::move(exchange), address + 1);
  }
  Connection* raw = connection.get();
  connections_.push_back(std::move(connection));
  raw->connect(std::move(exchange), result == 0);
}

http::Response Upstream::failure_response(Failure failure, const std::string& detail) const {
  http::Response response;
  Finding finding;
  finding.keyword = "transport";
  finding.message = http::describe_failure(failure, detail, origin_.origin(), options_);
  response.findings.push_back(std::move(finding));
  return response;
}

void Upstream::fail(std::unique_ptr<Exchange> exchange, Failure failure,
                    const std::string& detail) {
  // Never from inside send(): its caller may still be on its way out.
  loop_.post([exchange = std::shared_ptr<Exchange>(std::move(exchange)),
              response = failure_response(failure, detail)]() mutable {
    response.attempts = 1;
    exchange->done(std::move(response));
  });
}

void Upstream::keep_idle(Connection& connection) {
  idle_.push_back(&connection);
  if (idle_.size() > kMaxIdle) close(*idle_.front());
}

void Upstream::close(Connection& connection) {
  idle_.erase(std::remove(idle_.begin(), idle_.end(), &connection), idle_.end());
  const auto found = std::find_if(connections_.begin(), connections_.end(),
                                  [&](const auto& owned) { return owned.get() == &connection; });
  if (found == connections_.end()) return;
  loop_.remove(connection.fd());
  loop_.retire(std::move(*found));
  connections_.erase(found);
}

void Upstream::close_all() {
  while (!connections_.empty()) close(*connections_.back());
}

ssl_ctx_st* Upstream::tls_context() {
  if (!tls_) tls_ = http::make_tls_context(options_.ca_cert_file, options_.insecure);
  return tls_.get();
}

const std::vector<sockaddr_storage>& Upstream::addresses() {
  if (!addresses_.empty()) return addresses_;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(origin_.host.c_str(), std::to_string(origin_.port).c_str(), &hints, &found) ==
      0) {
    for (const addrinfo* entry = found; entry; entry = entry->ai_next) {
      sockaddr_storage address{};
      std::memcpy(&address, entry->ai_addr, entry->ai_addrlen);
      addresses_.push_back(address);
    }
    ::freeaddrinfo(found);
  }
  return addresses_;
}

}  // namespace conform::proxy
