// read_response: one HTTP/1.x response from a client's connection: its status line, headers and
// body (by Content-Length, chunked, or up to the close), each read within the read timeout and
// the exchange's deadline, the head and the body within their limits.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "http/failure.hpp"
#include "http/transport.hpp"
#include "model/case_result.hpp"

namespace conform::http {

// A response body that grows with realloc (mremap for large blocks): std::string's doubling
// copies kept about twice the limit resident for a body that ran into it (530 MB for 256M).
class BodyBuffer {
 public:
  BodyBuffer() = default;
  ~BodyBuffer();
  BodyBuffer(const BodyBuffer&) = delete;
  BodyBuffer& operator=(const BodyBuffer&) = delete;

  // False, keeping nothing more, when the body would grow past `limit`.
  bool append(const char* bytes, std::size_t count, std::size_t limit);
  void clear() { size_ = 0; }
  std::size_t size() const { return size_; }
  std::string text() const { return size_ == 0 ? std::string() : std::string(data_, size_); }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

struct ResponseLimits {
  std::chrono::milliseconds read_timeout{30000};  // for each read
  Transport::Clock::time_point deadline;          // for the whole exchange
  std::size_t max_head_bytes = 64 << 10;
  std::size_t max_body_bytes = std::size_t{256} << 20;
};

struct ReadResponse {
  // none, incomplete, read_timeout, deadline, interrupted, head_too_large, body_too_large or
  // malformed (`detail` says where).
  Failure error = Failure::none;
  std::string detail;
  int status = 0;
  Headers headers;  // in the order received
  // The connection may carry the next request: HTTP/1.1 without "Connection: close", the body
  // framed by its length or chunks, nothing read past its end.
  bool reusable = false;
  bool received_any = false;  // a byte of the response arrived (else a kept-alive peer left)
};

// Reads the response to a request that was just sent (`head_request`: the response to a HEAD,
// which has no body) into `body`. Interim 1xx responses are skipped.
ReadResponse read_response(Transport& transport, const ResponseLimits& limits, bool head_request,
                           BodyBuffer& body);

}  // namespace conform::http
