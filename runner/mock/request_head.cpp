#include "mock/request_head.hpp"

#include <algorithm>
#include <cctype>

#include "text/ascii_case.hpp"

namespace conform::mock {
namespace {

bool is_token_char(unsigned char c) {
  return std::isalnum(c) ||
         std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

RequestHead refuse(int status, std::string problem) {
  RequestHead head;
  head.status = status;
  head.problem = std::move(problem);
  return head;
}

}  // namespace

std::size_t head_end(std::string_view bytes, std::size_t from) {
  const std::size_t blank = bytes.find("\r\n\r\n", from);
  return blank == std::string_view::npos ? blank : blank + 4;
}

RequestHead read_request_head(std::string_view head, const HeadLimits& limits) {
  if (head.size() > limits.max_head_bytes) {
    return refuse(
        431, "the request head is larger than " + std::to_string(limits.max_head_bytes) + " bytes");
  }
  RequestHead out;
  std::size_t line_end = head.find("\r\n");
  const std::string_view request_line = head.substr(0, line_end);
  if (request_line.size() > limits.max_request_line) {
    return refuse(414, "the request line is longer than " +
                           std::to_string(limits.max_request_line) + " bytes");
  }
  // cpp-httplib ends a line at a bare LF: one inside a line would be a field it reads and
  // this reader does not, so a bare CR or LF (or a NUL) anywhere is refused.
  const std::string_view bare_breaks("\r\n\0", 3);
  if (request_line.find_first_of(bare_breaks) != std::string_view::npos) {
    return refuse(400, "the request line is malformed");
  }
  out.unframed.append(request_line).append("\r\n");
  std::size_t fields = 0;
  std::size_t length_fields = 0;
  bool has_transfer_coding = false;
  std::string transfer_coding;
  std::size_t start = line_end + 2;
  while (true) {
    line_end = head.find("\r\n", start);
    const std::string_view line = head.substr(start, line_end - start);
    if (line.empty()) break;
    start = line_end + 2;
    if (++fields > limits.max_fields) {
      return refuse(
          431, "the request has more than " + std::to_string(limits.max_fields) + " header fields");
    }
    // A bare CR or LF, a NUL or a folded line (obsolete) can be read two ways: refuse them.
    if (line.find_first_of(bare_breaks) != std::string_view::npos || line.front() == ' ' ||
        line.front() == '\t') {
      return refuse(400, "a header field is malformed");
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        !std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon),
                     [](char c) { return is_token_char(static_cast<unsigned char>(c)); })) {
      return refuse(400, "a header field name is malformed");
    }
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = trim(line.substr(colon + 1));
    if (text::equals_ignoring_case(name, "Content-Length")) {
      // One field of digits only: "18, 18", "+18", "0x12" and "18abc" are all refused.
      if (++length_fields > 1) return refuse(400, "the request has more than one Content-Length");
      if (value.empty() || value.size() > 15 ||
          !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return refuse(400, "the Content-Length is not a number of bytes");
      }
      out.content_length = std::stoull(std::string(value));
      continue;
    }
    if (text::equals_ignoring_case(name, "Transfer-Encoding")) {
      transfer_coding += (has_transfer_coding ? "," : "") + std::string(value);
      has_transfer_coding = true;
      continue;
    }
    if (text::equals_ignoring_case(name, "Expect")) {
      out.expect_continue = text::equals_ignoring_case(value, "100-continue");
      continue;
    }
    out.unframed.append(line).append("\r\n");
  }
  if (has_transfer_coding) {
    if (length_fields > 0) {
      return refuse(400, "the request has both Content-Length and Transfer-Encoding");
    }
    if (!text::equals_ignoring_case(trim(transfer_coding), "chunked")) {
      return refuse(501, "the only transfer coding understood is chunked");
    }
    out.chunked = true;
  }
  return out;
}

}  // namespace conform::mock
