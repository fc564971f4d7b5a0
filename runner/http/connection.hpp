// Connection: one client connection to an origin, plain or TLS (the peer's certificate checked
// against the trusted CAs and the URL's host), opened within the connect timeout and kept
// alive for the next request while the server allows it.
#pragma once

#include <openssl/ssl.h>

#include <atomic>
#include <memory>
#include <string>

#include "http/failure.hpp"
#include "http/transport.hpp"
#include "http/url.hpp"

namespace conform::http {

// The TLS settings of a client's connections: the peer verified against `ca_file` (empty: the
// system's CAs) unless `insecure`. Null when the CAs cannot be loaded.
std::shared_ptr<SSL_CTX> make_tls_context(const std::string& ca_file, bool insecure);

// A client's TLS session with `host`: SNI for a name, and the certificate checked against the
// name or the IP address. Null when OpenSSL cannot make one.
SSL* new_client_session(SSL_CTX* context, const std::string& host);

// Why a TLS handshake of `session` failed: tls_untrusted (`detail`: OpenSSL's reason, "self-signed
// certificate") when the peer's certificate was checked and refused, else tls_handshake.
Failure handshake_failure(SSL* session, std::string& detail);

class Connection {
 public:
  using Clock = Transport::Clock;

  struct Opened {
    std::unique_ptr<Connection> connection;  // null on failure
    // none, cannot_connect, connect_timeout, tls_handshake, tls_untrusted or interrupted
    Failure failure = Failure::none;
    std::string detail;  // for tls_untrusted: OpenSSL's reason ("self-signed certificate")
  };

  // Connects to `url`'s host and port by `deadline`; `tls` (null for http) verifies the peer
  // when its context says so. The transport's waits end when `interrupted` is set.
  static Opened open(const Url& url, SSL_CTX* tls, Clock::time_point deadline,
                     const std::atomic<bool>* interrupted);

  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Transport& transport() { return *transport_; }
  // Whether an idle kept-alive connection can carry another request: the server has neither
  // closed it nor sent anything unasked. One used a moment ago is taken as it is (a server
  // keeps an idle connection for seconds): should the server close it as the request
  // arrives, no byte comes back and the client sends it again on a new one.
  bool idle_and_open();
  void used() { last_used_ = Clock::now(); }

 private:
  explicit Connection(int fd) : fd_(fd) {}

  int fd_;
  std::unique_ptr<Transport> transport_;
  SSL* ssl_ = nullptr;
  Clock::time_point last_used_ =
      Clock::now();  // the TLS transport's, for looking at an idle connection
};

}  // namespace conform::http
