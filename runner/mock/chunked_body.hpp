// ChunkedBody: decodes a chunked request body (RFC 9112 §7.1) as its bytes arrive, and
// stops at the byte limit instead of buffering whatever a client sends.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace conform::mock {

class ChunkedBody {
 public:
  enum class State { more, done, malformed, too_large };

  // `max_bytes` bounds the decoded body; `max_framing_bytes` a chunk-size line (with its
  // extensions) and the trailer section.
  ChunkedBody(std::size_t max_bytes, std::size_t max_framing_bytes);

  // Decodes what it can of `bytes` and returns how many it used; state() says whether
  // more are needed. Bytes after the body's end are left for the next request.
  std::size_t feed(std::string_view bytes);
  State state() const { return state_; }
  const std::string& body() const { return body_; }

 private:
  enum class Step { size_line, data, data_end, trailer };
  std::size_t max_bytes_;
  std::size_t max_framing_bytes_;
  State state_ = State::more;
  Step step_ = Step::size_line;
  std::string line_;  // the part of a size or trailer line read so far
  std::size_t trailer_bytes_ = 0;
  std::uint64_t remaining_ = 0;  // data bytes left in this chunk
  std::string body_;
};

}  // namespace conform::mock
