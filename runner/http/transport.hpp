// Transport: the bytes of one connection, plain or TLS, read and written against a deadline:
// the mock's accepted connections (no client holds the mock longer than its deadline) and the
// client's connections to a server (no server holds a run longer than --timeout).
#pragma once

#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <cstddef>

namespace conform::http {

class Transport {
 public:
  using Clock = std::chrono::steady_clock;
  // Why the last read or write came back short.
  enum class Stop { none, closed, timed_out, interrupted };

  explicit Transport(int fd);  // makes `fd` non-blocking; does not own it
  virtual ~Transport() = default;
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  // Connects the socket to `address` by `deadline`; false when it cannot (stop() says why).
  bool connect(const sockaddr* address, socklen_t length, Clock::time_point deadline);
  // Bytes read into `data` (at most `size`); 0 when the peer closed, the connection was shut
  // down, `deadline` passed first or the watched flag was set (stop() says which).
  virtual std::size_t read(char* data, std::size_t size, Clock::time_point deadline);
  // Waits for the first bytes of an answer to what was just written: a response is seldom
  // there the moment its request left, and reading first would only cost a failed recv.
  virtual bool await_answer(Clock::time_point deadline) { return wait(POLLIN, deadline); }
  // Writes all of `data`; false when the connection broke, `deadline` passed first or the
  // watched flag was set.
  virtual bool write(const char* data, std::size_t size, Clock::time_point deadline);
  int fd() const { return fd_; }
  Stop stop() const { return stop_; }
  // A wait ends within ~50 ms of `flag` being set (from a signal handler); null: never.
  void watch(const std::atomic<bool>* flag) { interrupted_ = flag; }

 protected:
  // Waits until `events` (POLLIN, POLLOUT) are ready; false at the deadline, on an error or
  // once the watched flag is set.
  bool wait(short events, Clock::time_point deadline);
  void stopped(Stop why) { stop_ = why; }

 private:
  int fd_;
  Stop stop_ = Stop::none;
  const std::atomic<bool>* interrupted_ = nullptr;
};

// TLS over the connection: the handshake, like every read, has a deadline, so a peer that
// trickles its hello is dropped at it.
class TlsTransport : public Transport {
 public:
  // Takes `ssl` (SSL_new, then SSL_set_accept_state or SSL_set_connect_state); null: every
  // call fails.
  TlsTransport(int fd, SSL* ssl);
  ~TlsTransport() override;

  bool handshake(Clock::time_point deadline);
  bool await_answer(Clock::time_point deadline) override {
    return (ssl_ && SSL_pending(ssl_) > 0) || wait(POLLIN, deadline);
  }
  std::size_t read(char* data, std::size_t size, Clock::time_point deadline) override;
  bool write(const char* data, std::size_t size, Clock::time_point deadline) override;
  SSL* ssl() const { return ssl_; }

 private:
  // After a call returned `result`: waits for what OpenSSL needs; false when it cannot go on.
  bool wait_for_retry(int result, Clock::time_point deadline);
  SSL* ssl_;
};

}  // namespace conform::http
