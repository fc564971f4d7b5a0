// request_head: reads the head of one HTTP/1.1 request (request line and header fields) and
// decides how its body is framed, refusing what RFC 9112 calls faulty before any byte of
// the body is trusted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace conform::mock {

struct HeadLimits {
  std::size_t max_request_line = 8192;  // longer: 414
  std::size_t max_head_bytes = 65536;   // request line and every header field: 431
  std::size_t max_fields = 100;         // header fields: 431
};

struct RequestHead {
  int status = 0;       // 0: usable; else the status to refuse it with (400, 414, 431, 501)
  std::string problem;  // why, for the refusal's message
  bool chunked = false;
  std::uint64_t content_length = 0;  // when not chunked
  bool expect_continue = false;
  // The head without its framing fields (Content-Length, Transfer-Encoding, Expect) and
  // without the blank line: the request line and fields as they came.
  std::string unframed;
};

// The end of the head in `bytes` (the offset after its blank line), or npos while it is
// incomplete. The search starts at `from`, where the bytes before are known not to end it.
std::size_t head_end(std::string_view bytes, std::size_t from = 0);

// Reads the complete head bytes.substr(0, head_end(bytes)).
RequestHead read_request_head(std::string_view head, const HeadLimits& limits);

}  // namespace conform::mock
