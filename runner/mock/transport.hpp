// Transport: the bytes of one accepted connection, plain or TLS, read and written against a
// deadline, so no client holds the mock longer than the deadline it was given.
#pragma once

#include <openssl/ssl.h>

#include <chrono>
#include <cstddef>

namespace conform::mock {

class Transport {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Transport(int fd);  // makes `fd` non-blocking; does not own it
  virtual ~Transport() = default;
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  // Bytes read into `data` (at most `size`); 0 when the peer closed, the connection was shut
  // down, or `deadline` passed first.
  virtual std::size_t read(char* data, std::size_t size, Clock::time_point deadline);
  // Writes all of `data`; false when the connection broke or `deadline` passed first.
  virtual bool write(const char* data, std::size_t size, Clock::time_point deadline);
  int fd() const { return fd_; }

 protected:
  // Waits until `events` (POLLIN, POLLOUT) are ready; false at the deadline or on an error.
  bool wait(short events, Clock::time_point deadline) const;

 private:
  int fd_;
};

// TLS over the connection: the handshake, like every read, has a deadline, so a client that
// trickles its ClientHello is dropped at it.
class TlsTransport : public Transport {
 public:
  TlsTransport(int fd, SSL_CTX* context);
  ~TlsTransport() override;

  bool handshake(Clock::time_point deadline);
  std::size_t read(char* data, std::size_t size, Clock::time_point deadline) override;
  bool write(const char* data, std::size_t size, Clock::time_point deadline) override;

 private:
  // After a call returned `result`: waits for what OpenSSL needs; false when it cannot go on.
  bool wait_for_retry(int result, Clock::time_point deadline);
  SSL* ssl_;
};

}  // namespace conform::mock
