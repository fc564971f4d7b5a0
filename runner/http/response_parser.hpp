// ResponseParser: one HTTP/1.x response read from bytes as they arrive, in whatever pieces:
// its status line, headers and body (by Content-Length, chunked, or up to the close), the head
// and the body within their limits. The client's blocking reads and the proxy's event loop
// feed the same parser.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/failure.hpp"
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

// The most a response's status line and headers (or a chunk's framing) may take.
inline constexpr std::size_t kMaxResponseHeadBytes = 64 << 10;

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

class ResponseParser {
 public:
  enum class State { more, done, failed };

  // `head_request`: the response to a HEAD, which has no body. The body goes into `body`
  // (cleared first), which must outlive the parser.
  ResponseParser(bool head_request, std::size_t max_body_bytes, BodyBuffer& body);

  // Takes the next bytes of the connection; interim 1xx responses are skipped.
  State feed(std::string_view bytes);
  // The peer closed the connection: the end of a body read to the close, else incomplete.
  State close();
  // Ends the read for a reason of the caller's (a timeout, an interrupt).
  void fail(Failure failure, std::string detail = {});
  State state() const { return state_; }
  const ReadResponse& result() const { return result_; }
  ReadResponse& result() { return result_; }

 private:
  enum class Step {
    status_line,
    header,
    length,
    chunk_size,
    chunk_data,
    chunk_end,
    trailer,
    to_close
  };

  // Adds to the line in progress up to its LF; true once it is complete (in line_, without
  // CR LF). Counts against kMaxResponseHeadBytes.
  bool take_line(std::string_view& bytes);
  void on_line();
  void on_head_end();
  void append_body(std::string_view& bytes, std::size_t count);
  void finish();

  bool head_request_;
  std::size_t max_body_bytes_;
  BodyBuffer& body_;
  State state_ = State::more;
  Step step_ = Step::status_line;
  std::string line_;
  std::size_t head_bytes_ = 0;   // of the head (or the chunk framing) so far
  std::uint64_t remaining_ = 0;  // body or chunk bytes still to come
  bool http10_ = false;
  bool keep_alive_ = true;
  ReadResponse result_;
};

}  // namespace conform::http
