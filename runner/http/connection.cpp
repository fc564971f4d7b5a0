#include "http/connection.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace conform::http {
namespace {

// How long a kept-alive connection may idle and still be taken without a look.
constexpr std::chrono::milliseconds kMoment{500};

bool is_ip_literal(const std::string& host) {
  unsigned char address[sizeof(in6_addr)];
  return ::inet_pton(AF_INET, host.c_str(), address) == 1 ||
         ::inet_pton(AF_INET6, host.c_str(), address) == 1;
}

}  // namespace

std::shared_ptr<SSL_CTX> make_tls_context(const std::string& ca_file, bool insecure) {
  std::shared_ptr<SSL_CTX> context(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
  if (!context) return nullptr;
  if (insecure) {
    SSL_CTX_set_verify(context.get(), SSL_VERIFY_NONE, nullptr);
    return context;
  }
  SSL_CTX_set_verify(context.get(), SSL_VERIFY_PEER, nullptr);
  const int loaded = ca_file.empty()
                         ? SSL_CTX_set_default_verify_paths(context.get())
                         : SSL_CTX_load_verify_locations(context.get(), ca_file.c_str(), nullptr);
  return loaded == 1 ? context : nullptr;
}

SSL* new_client_session(SSL_CTX* context, const std::string& host) {
  SSL* session = SSL_new(context);
  if (!session) return nullptr;
  SSL_set_connect_state(session);
  if (is_ip_literal(host)) {
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(session), host.c_str());
  } else {
    SSL_set_tlsext_host_name(session, host.c_str());
    SSL_set1_host(session, host.c_str());
  }
  return session;
}

Failure handshake_failure(SSL* session, std::string& detail) {
  const long verified = session ? SSL_get_verify_result(session) : X509_V_OK;
  if (verified == X509_V_OK || SSL_get_verify_mode(session) == SSL_VERIFY_NONE) {
    return Failure::tls_handshake;
  }
  detail = X509_verify_cert_error_string(verified);
  return Failure::tls_untrusted;
}

Connection::Opened Connection::open(const Url& url, SSL_CTX* tls, Clock::time_point deadline,
                                    const std::atomic<bool>* interrupted) {
  Opened opened;
  opened.failure = Failure::cannot_connect;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(url.host.c_str(), std::to_string(url.port).c_str(), &hints, &found) != 0) {
    return opened;
  }
  const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, ::freeaddrinfo);
  for (const addrinfo* address = found; address; address = address->ai_next) {
    const int fd =
        ::socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, address->ai_protocol);
    if (fd < 0) continue;
    std::unique_ptr<Connection> connection(new Connection(fd));
    connection->transport_ = std::make_unique<Transport>(fd);
    connection->transport_->watch(interrupted);
    if (!connection->transport_->connect(address->ai_addr, address->ai_addrlen, deadline)) {
      opened.failure = failure_of(connection->transport_->stop(), Failure::connect_timeout,
                                  Failure::cannot_connect);
      if (opened.failure == Failure::cannot_connect) continue;  // the next address may answer
      return opened;
    }
    const int on = 1;  // with keep-alive, Nagle stalls every exchange ~40 ms
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    if (tls) {
      SSL* ssl = new_client_session(tls, url.host);
      auto secure = std::make_unique<TlsTransport>(fd, ssl);
      secure->watch(interrupted);
      connection->ssl_ = ssl;
      if (!secure->handshake(deadline)) {
        opened.failure =
            failure_of(secure->stop(), Failure::connect_timeout, Failure::tls_handshake);
        if (opened.failure == Failure::tls_handshake) {
          opened.failure = handshake_failure(ssl, opened.detail);
        }
        return opened;
      }
      connection->transport_ = std::move(secure);
    }
    opened.failure = Failure::none;
    opened.connection = std::move(connection);
    return opened;
  }
  return opened;
}

Connection::~Connection() {
  transport_.reset();  // a TLS transport says goodbye first
  ::close(fd_);
}

bool Connection::idle_and_open() {
  if (Clock::now() - last_used_ < kMoment) return true;
  char byte = 0;
  const ssize_t n = ::recv(fd_, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK;
  if (n == 0 || !ssl_) return false;
  // What a TLS server sends unasked after a response (TLS 1.3 session tickets) is no data:
  // OpenSSL takes it in and finds nothing to read.
  const int peeked = SSL_peek(ssl_, &byte, 1);
  return peeked <= 0 && SSL_get_error(ssl_, peeked) == SSL_ERROR_WANT_READ;
}

}  // namespace conform::http
