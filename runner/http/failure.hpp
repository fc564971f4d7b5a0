// Failure: why one attempt of the client brought no response, from connecting to the
// response's last byte. The client turns each into a transport finding that says what to do.
#pragma once

#include "http/transport.hpp"

namespace conform::http {

enum class Failure {
  none,
  cannot_connect,    // no address of the host took the connection
  connect_timeout,   // none did within the connect timeout
  tls_handshake,     // the TLS handshake failed (not an HTTPS server?)
  tls_untrusted,     // the server's certificate is not trusted
  tls_certificates,  // the CA certificates could not be loaded
  write,             // the connection broke while the request was sent
  incomplete,        // the connection closed or broke before the response's end
  read_timeout,      // no byte within the read timeout
  deadline,          // the exchange's deadline passed
  interrupted,       // the watched flag was set (a signal)
  head_too_large,    // status line and headers past their limit
  body_too_large,    // a body declared or read past its limit
  malformed,         // not an HTTP/1.x response
  undecodable,       // a body its Content-Encoding leaves unreadable
  unsafe_header,     // a header that would start another line: never sent
};

// Why a wait on a transport ended empty: the watched flag, else `timed_out` when its deadline
// passed, else `closed` (the peer closed, reset or the call failed).
inline Failure failure_of(Transport::Stop stop, Failure timed_out, Failure closed) {
  if (stop == Transport::Stop::interrupted) return Failure::interrupted;
  return stop == Transport::Stop::timed_out ? timed_out : closed;
}

}  // namespace conform::http
