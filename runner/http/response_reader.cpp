#include "http/response_reader.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <string_view>

#include "text/ascii_case.hpp"

namespace conform::http {
namespace {

using Clock = Transport::Clock;
using Error = Failure;

// A small response arrives in one read of this size.
constexpr std::size_t kReadSize = 16 << 10;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// Whether the comma-separated list `value` holds `token` (case-insensitive).
bool has_token(std::string_view value, std::string_view token) {
  while (!value.empty()) {
    const std::size_t comma = value.find(',');
    if (text::equals_ignoring_case(trim(value.substr(0, comma)), token)) return true;
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return false;
}

std::optional<std::size_t> parse_size(std::string_view digits, int base) {
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  std::size_t value = 0;
  for (const char c : digits) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (base == 16 && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (base == 16 && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return std::nullopt;
    value = value * static_cast<std::size_t>(base) + static_cast<std::size_t>(digit);
  }
  return value;
}

// The bytes of one response as they arrive, and what went wrong when they stop.
class Reader {
 public:
  Reader(Transport& transport, const ResponseLimits& limits, ReadResponse& result)
      : transport_(transport), limits_(limits), result_(result) {}

  // Waits for the response's first bytes; false (with result_.error set) when none came.
  bool await_answer() {
    if (transport_.await_answer(read_deadline())) return true;
    fail_for(transport_.stop());
    return false;
  }

  // Reads more into pending_; false (with result_.error set) when nothing more came.
  bool fill() {
    char chunk[kReadSize];
    const std::size_t n = transport_.read(chunk, sizeof chunk, read_deadline());
    if (n == 0) {
      fail_for(transport_.stop());
      return false;
    }
    result_.received_any = true;
    pending_.append(chunk, n);
    return true;
  }

  // The next line (without its CRLF), read as far as `limit` bytes; nullopt on failure.
  std::optional<std::string> line(std::size_t limit) {
    std::size_t scanned = 0;
    while (true) {
      const std::size_t end = pending_.find('\n', scanned);
      if (std::min(end, pending_.size()) > limit) return fail(Error::head_too_large), std::nullopt;
      if (end != std::string::npos) {
        std::string text = pending_.substr(0, end);
        if (!text.empty() && text.back() == '\r') text.pop_back();
        pending_.erase(0, end + 1);
        return text;
      }
      scanned = pending_.size();
      if (!fill()) return std::nullopt;
    }
  }

  // Moves `count` bytes of body into `body`, reading as needed.
  bool body(std::size_t count, BodyBuffer& body) {
    while (count > 0) {
      if (pending_.empty() && !fill()) return false;
      const std::size_t take = std::min(count, pending_.size());
      if (!body.append(pending_.data(), take, limits_.max_body_bytes)) {
        return fail(Error::body_too_large);
      }
      pending_.erase(0, take);
      count -= take;
    }
    return true;
  }

  // Everything up to the close goes into `body`.
  bool body_to_close(BodyBuffer& body) {
    while (true) {
      if (!body.append(pending_.data(), pending_.size(), limits_.max_body_bytes)) {
        return fail(Error::body_too_large);
      }
      pending_.clear();
      if (!fill()) {
        if (result_.error != Error::incomplete) return false;
        result_.error = Error::none;  // the close is the body's end
        return true;
      }
    }
  }

  bool fail(Error error, std::string detail = {}) {
    result_.error = error;
    result_.detail = std::move(detail);
    return false;
  }

  bool drained() const { return pending_.empty(); }
  std::size_t head_limit() const { return limits_.max_head_bytes; }

 private:
  Clock::time_point read_deadline() const {
    return std::min(Clock::now() + limits_.read_timeout, limits_.deadline);
  }

  void fail_for(Transport::Stop stop) {
    switch (stop) {
      case Transport::Stop::interrupted:
        fail(Error::interrupted);
        break;
      case Transport::Stop::timed_out:
        fail(Clock::now() >= limits_.deadline ? Error::deadline : Error::read_timeout);
        break;
      default:
        fail(Error::incomplete);
    }
  }

  Transport& transport_;
  const ResponseLimits& limits_;
  ReadResponse& result_;
  std::string pending_;
};

// The status line and the headers; false when they are not there or not HTTP.
bool read_head(Reader& reader, ReadResponse& result, bool& http10) {
  std::size_t budget = reader.head_limit();
  auto next_line = [&]() -> std::optional<std::string> {
    auto text = reader.line(budget);
    if (text) budget -= std::min(budget, text->size() + 2);
    return text;
  };
  const auto status_line = next_line();
  if (!status_line) return false;
  // "HTTP/1.1 200 OK"
  if (status_line->size() < 12 || status_line->compare(0, 7, "HTTP/1.") != 0 ||
      (*status_line)[8] != ' ') {
    return reader.fail(Error::malformed, "the status line is not HTTP/1.x");
  }
  const auto status = parse_size(std::string_view(*status_line).substr(9, 3), 10);
  if (!status || *status < 100 || *status > 999 ||
      (status_line->size() > 12 && (*status_line)[12] != ' ')) {
    return reader.fail(Error::malformed, "the status line has no three-digit status");
  }
  result.status = static_cast<int>(*status);
  http10 = (*status_line)[7] == '0';
  result.headers.clear();
  while (true) {
    const auto header = next_line();
    if (!header) return false;
    if (header->empty()) return true;
    const std::size_t colon = header->find(':');
    if (colon == std::string::npos || colon == 0) {
      return reader.fail(Error::malformed, "a header line has no name");
    }
    const std::string_view line(*header);
    result.headers.emplace_back(std::string(trim(line.substr(0, colon))),
                                std::string(trim(line.substr(colon + 1))));
  }
}

bool read_chunks(Reader& reader, BodyBuffer& body) {
  while (true) {
    const auto size_line = reader.line(reader.head_limit());
    if (!size_line) return false;
    const std::string_view digits = trim(
        std::string_view(*size_line).substr(0, std::min(size_line->size(), size_line->find(';'))));
    const auto size = parse_size(digits, 16);
    if (!size) return reader.fail(Error::malformed, "a chunk's size is not hexadecimal");
    if (*size == 0) break;
    if (!reader.body(*size, body)) return false;
    const auto end = reader.line(reader.head_limit());
    if (!end) return false;
    if (!end->empty()) return reader.fail(Error::malformed, "a chunk does not end where it says");
  }
  while (true) {  // trailers, up to the blank line
    const auto trailer = reader.line(reader.head_limit());
    if (!trailer) return false;
    if (trailer->empty()) return true;
  }
}

const std::string* find_header(const Headers& headers, std::string_view name) {
  const std::string* found = nullptr;
  for (const auto& [key, value] : headers) {
    if (text::equals_ignoring_case(key, name)) found = &value;
  }
  return found;
}

}  // namespace

BodyBuffer::~BodyBuffer() { std::free(data_); }

bool BodyBuffer::append(const char* bytes, std::size_t count, std::size_t limit) {
  if (size_ + count > limit) return false;
  if (size_ + count > capacity_) {
    const std::size_t wanted = std::min(std::max(2 * capacity_, size_ + count), limit);
    char* larger = static_cast<char*>(std::realloc(data_, std::max<std::size_t>(wanted, 1)));
    if (larger == nullptr) throw std::bad_alloc();
    data_ = larger;
    capacity_ = wanted;
  }
  if (count > 0) std::memcpy(data_ + size_, bytes, count);
  size_ += count;
  return true;
}

ReadResponse read_response(Transport& transport, const ResponseLimits& limits, bool head_request,
                           BodyBuffer& body) {
  ReadResponse result;
  Reader reader(transport, limits, result);
  bool http10 = false;
  if (!reader.await_answer()) return result;
  do {
    if (!read_head(reader, result, http10)) return result;
  } while (result.status < 200 && result.status != 101);

  const std::string* connection = find_header(result.headers, "Connection");
  const bool keep_alive = connection ? !has_token(*connection, "close") &&
                                           (!http10 || has_token(*connection, "keep-alive"))
                                     : !http10;
  body.clear();
  const bool no_body =
      head_request || result.status == 204 || result.status == 304 || result.status < 200;
  const std::string* encoding = find_header(result.headers, "Transfer-Encoding");
  const std::string* length = find_header(result.headers, "Content-Length");
  bool framed = true;
  if (no_body) {
  } else if (encoding && has_token(*encoding, "chunked")) {
    if (!read_chunks(reader, body)) return result;
  } else if (length) {
    const auto declared = parse_size(trim(*length), 10);
    if (!declared) return reader.fail(Error::malformed, "Content-Length is not a number"), result;
    // A declared length over the limit is refused before its first byte is kept.
    if (*declared > limits.max_body_bytes) return reader.fail(Error::body_too_large), result;
    if (!reader.body(*declared, body)) return result;
  } else {
    framed = false;
    if (!reader.body_to_close(body)) return result;
  }
  result.reusable = keep_alive && framed && reader.drained();
  return result;
}

}  // namespace conform::http
