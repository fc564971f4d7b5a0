#include "http/response_parser.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>

#include "text/ascii_case.hpp"

namespace conform::http {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<std::uint64_t> parse_size(std::string_view digits, int base) {
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  std::uint64_t value = 0;
  for (const char c : digits) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (base == 16 && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (base == 16 && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return std::nullopt;
    value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(digit);
  }
  return value;
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

ResponseParser::ResponseParser(bool head_request, std::size_t max_body_bytes, BodyBuffer& body)
    : head_request_(head_request), max_body_bytes_(max_body_bytes), body_(body) {
  body_.clear();
}

void ResponseParser::fail(Failure failure, std::string detail) {
  if (state_ != State::more) return;
  state_ = State::failed;
  result_.error = failure;
  result_.detail = std::move(detail);
}

void ResponseParser::finish() {
  state_ = State::done;
  result_.reusable = keep_alive_;
}

bool ResponseParser::take_line(std::string_view& bytes) {
  const std::size_t end = bytes.find('\n');
  const std::size_t taken = end == std::string_view::npos ? bytes.size() : end + 1;
  if (head_bytes_ + taken > kMaxResponseHeadBytes) {
    fail(Failure::head_too_large);
    return false;
  }
  head_bytes_ += taken;
  line_.append(bytes.substr(0, end == std::string_view::npos ? bytes.size() : end));
  bytes.remove_prefix(taken);
  if (end == std::string_view::npos) return false;
  if (!line_.empty() && line_.back() == '\r') line_.pop_back();
  return true;
}

void ResponseParser::append_body(std::string_view& bytes, std::size_t count) {
  if (!body_.append(bytes.data(), count, max_body_bytes_)) {
    fail(Failure::body_too_large);
    return;
  }
  bytes.remove_prefix(count);
}

void ResponseParser::on_line() {
  switch (step_) {
    case Step::status_line: {
      // "HTTP/1.1 200 OK"
      const std::string_view line(line_);
      if (line.size() < 12 || line.compare(0, 7, "HTTP/1.") != 0 || line[8] != ' ') {
        return fail(Failure::malformed, "the status line is not HTTP/1.x");
      }
      const auto status = parse_size(line.substr(9, 3), 10);
      if (!status || *status < 100 || (line.size() > 12 && line[12] != ' ')) {
        return fail(Failure::malformed, "the status line has no three-digit status");
      }
      result_.status = static_cast<int>(*status);
      http10_ = line[7] == '0';
      result_.headers.clear();
      step_ = Step::header;
      return;
    }
    case Step::header: {
      if (line_.empty()) return on_head_end();
      const std::size_t colon = line_.find(':');
      if (colon == std::string::npos || colon == 0) {
        return fail(Failure::malformed, "a header line has no name");
      }
      const std::string_view line(line_);
      result_.headers.emplace_back(std::string(trim(line.substr(0, colon))),
                                   std::string(trim(line.substr(colon + 1))));
      return;
    }
    case Step::chunk_size: {
      const std::string_view line(line_);
      const auto size = parse_size(trim(line.substr(0, line.find(';'))), 16);
      if (!size) return fail(Failure::malformed, "a chunk's size is not hexadecimal");
      remaining_ = *size;
      step_ = *size == 0 ? Step::trailer : Step::chunk_data;
      return;
    }
    case Step::chunk_end:
      if (!line_.empty()) return fail(Failure::malformed, "a chunk does not end where it says");
      step_ = Step::chunk_size;
      return;
    case Step::trailer:
      if (line_.empty()) finish();
      return;
    default:
      return;
  }
}

void ResponseParser::on_head_end() {
  if (result_.status < 200 && result_.status != 101) {  // interim: the real one follows
    step_ = Step::status_line;
    return;
  }
  const std::string* connection = find_header(result_.headers, "Connection");
  keep_alive_ = connection ? !text::list_has_token(*connection, "close") &&
                                 (!http10_ || text::list_has_token(*connection, "keep-alive"))
                           : !http10_;
  const std::string* encoding = find_header(result_.headers, "Transfer-Encoding");
  const std::string* length = find_header(result_.headers, "Content-Length");
  head_bytes_ = 0;  // from here on it counts the chunks' framing
  if (head_request_ || result_.status == 204 || result_.status == 304 || result_.status < 200) {
    return finish();
  }
  if (encoding && text::list_has_token(*encoding, "chunked")) {
    step_ = Step::chunk_size;
    return;
  }
  if (length) {
    const auto declared = parse_size(trim(*length), 10);
    if (!declared) return fail(Failure::malformed, "Content-Length is not a number");
    // A declared length over the limit is refused before its first byte is kept.
    if (*declared > max_body_bytes_) return fail(Failure::body_too_large);
    remaining_ = *declared;
    step_ = Step::length;
    if (remaining_ == 0) finish();
    return;
  }
  keep_alive_ = false;  // only the close ends the body
  step_ = Step::to_close;
}

ResponseParser::State ResponseParser::feed(std::string_view bytes) {
  if (!bytes.empty()) result_.received_any = true;
  while (state_ == State::more && !bytes.empty()) {
    switch (step_) {
      case Step::length:
      case Step::chunk_data: {
        const auto take =
            static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, bytes.size()));
        append_body(bytes, take);
        remaining_ -= take;
        if (remaining_ == 0 && state_ == State::more) {
          if (step_ == Step::length) {
            finish();
          } else {
            step_ = Step::chunk_end;
          }
        }
        break;
      }
      case Step::to_close:
        append_body(bytes, bytes.size());
        break;
      default: {
        if (!take_line(bytes)) break;
        on_line();
        line_.clear();
        break;
      }
    }
  }
  // Bytes past the response's end: the connection cannot carry another exchange.
  if (state_ == State::done && !bytes.empty()) result_.reusable = false;
  return state_;
}

ResponseParser::State ResponseParser::close() {
  if (state_ != State::more) return state_;
  if (step_ == Step::to_close) {
    finish();
    result_.reusable = false;
  } else {
    fail(Failure::incomplete);
  }
  return state_;
}

}  // namespace conform::http
