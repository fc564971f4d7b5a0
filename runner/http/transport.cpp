#include "http/transport.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <climits>

namespace conform::http {
namespace {

// How long a watched wait sleeps before it looks at the flag again.
constexpr long long kWatchSliceMs = 50;

}  // namespace

Transport::Transport(int fd) : fd_(fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

bool Transport::wait(short events, Clock::time_point deadline) {
  while (true) {
    // Rounded up: a wait that ends is past its deadline, never a fraction of a millisecond
    // before it.
    long long left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      stop_ = Stop::timed_out;
      return false;
    }
    if (interrupted_) {
      if (interrupted_->load()) {
        stop_ = Stop::interrupted;
        return false;
      }
      left = std::min(left, kWatchSliceMs);
    }
    pollfd entry{fd_, events, 0};
    const int ready = ::poll(&entry, 1, static_cast<int>(std::min<long long>(left, INT_MAX)));
    if (ready > 0) return true;  // readable, writable, or hung up: the next call says which
    if (ready < 0 && errno != EINTR) {
      stop_ = Stop::closed;
      return false;
    }
  }
}

bool Transport::connect(const sockaddr* address, socklen_t length, Clock::time_point deadline) {
  if (::connect(fd_, address, length) == 0) return true;
  if (errno != EINPROGRESS && errno != EINTR) {
    stop_ = Stop::closed;
    return false;
  }
  if (!wait(POLLOUT, deadline)) return false;
  int error = 0;
  socklen_t size = sizeof error;
  if (::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &size) != 0 || error != 0) {
    stop_ = Stop::closed;
    return false;
  }
  return true;
}

std::size_t Transport::read(char* data, std::size_t size, Clock::time_point deadline) {
  while (true) {
    const ssize_t n = ::recv(fd_, data, size, 0);
    if (n > 0) return static_cast<std::size_t>(n);
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
      stop_ = Stop::closed;
      return 0;
    }
    if (!wait(POLLIN, deadline)) return 0;
  }
}

bool Transport::write(const char* data, std::size_t size, Clock::time_point deadline) {
  std::size_t sent = 0;
  while (sent < size) {
    const ssize_t n = ::send(fd_, data + sent, size - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
      stop_ = Stop::closed;
      return false;
    }
    if (!wait(POLLOUT, deadline)) return false;
  }
  return true;
}

TlsTransport::TlsTransport(int fd, SSL* ssl) : Transport(fd), ssl_(ssl) {
  if (ssl_) SSL_set_fd(ssl_, fd);
}

TlsTransport::~TlsTransport() {
  if (!ssl_) return;
  SSL_shutdown(ssl_);  // one close_notify, never waiting for the peer's
  SSL_free(ssl_);
}

bool TlsTransport::wait_for_retry(int result, Clock::time_point deadline) {
  switch (SSL_get_error(ssl_, result)) {
    case SSL_ERROR_WANT_READ:
      return wait(POLLIN, deadline);
    case SSL_ERROR_WANT_WRITE:
      return wait(POLLOUT, deadline);
    default:
      stopped(Stop::closed);
      return false;
  }
}

bool TlsTransport::handshake(Clock::time_point deadline) {
  if (!ssl_) return false;
  while (true) {
    const int result = SSL_do_handshake(ssl_);
    if (result == 1) return true;
    if (!wait_for_retry(result, deadline)) return false;
  }
}

std::size_t TlsTransport::read(char* data, std::size_t size, Clock::time_point deadline) {
  if (!ssl_) return 0;
  const int wanted = static_cast<int>(std::min<std::size_t>(size, INT_MAX));
  while (true) {
    const int n = SSL_read(ssl_, data, wanted);
    if (n > 0) return static_cast<std::size_t>(n);
    if (!wait_for_retry(n, deadline)) return 0;
  }
}

bool TlsTransport::write(const char* data, std::size_t size, Clock::time_point deadline) {
  if (!ssl_) return false;
  std::size_t sent = 0;
  while (sent < size) {
    const int chunk = static_cast<int>(std::min<std::size_t>(size - sent, INT_MAX));
    const int n = SSL_write(ssl_, data + sent, chunk);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else if (!wait_for_retry(n, deadline)) {
      return false;
    }
  }
  return true;
}

}  // namespace conform::http
