#include "cli/line_reader.hpp"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>
#include <utility>

namespace conform::cli {

LineReader::LineReader(std::FILE* file, std::size_t max_line_bytes)
    : fd_(::fileno(file)),
      max_line_(max_line_bytes),
      buffer_(static_cast<char*>(std::malloc(std::size_t{1} << 18))),
      capacity_(std::size_t{1} << 18) {}

bool LineReader::refill() {
  // Keep the partial line, then read; a line longer than the buffer grows it (up to the
  // limit: next() stops keeping a line before that).
  std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
  end_ -= begin_;
  begin_ = 0;
  if (end_ == capacity_) {
    // Never past one byte more than the longest line kept: that byte proves a line too long,
    // and doubling beyond it cost twice the documented memory bound.
    std::size_t larger_capacity = 2 * capacity_;
    if (max_line_ < larger_capacity) larger_capacity = std::max(capacity_, max_line_ + 1);
    if (larger_capacity == capacity_) return false;
    char* larger = static_cast<char*>(std::realloc(buffer_.get(), larger_capacity));
    if (larger == nullptr) throw std::bad_alloc();
    buffer_.release();
    buffer_.reset(larger);
    capacity_ = larger_capacity;
  }
  ssize_t got;
  do {
    got = ::read(fd_, buffer_.get() + end_, capacity_ - end_);
  } while (got < 0 && errno == EINTR);
  if (got <= 0) {
    eof_ = true;
    failed_ = got < 0;
    return false;
  }
  end_ += static_cast<std::size_t>(got);
  return true;
}

bool LineReader::readable_now() const {
  pollfd polled{fd_, POLLIN, 0};
  return ::poll(&polled, 1, 0) != 0;  // ready, at the end, or an error read() will report
}

bool LineReader::next(std::string_view& line, bool may_wait) {
  oversize_ = 0;
  waiting_ = false;
  for (;;) {
    const char* start = buffer_.get() + begin_;
    const std::size_t available = end_ - begin_;
    const void* nl = std::memchr(start, '\n', available);
    const std::size_t length =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : available;
    if (length > max_line_) {
      // Too long to keep: count it to its end and drop it.
      std::size_t skipped = 0;
      for (;;) {
        const char* from = buffer_.get() + begin_;
        const void* end = std::memchr(from, '\n', end_ - begin_);
        if (end) {
          const auto part = static_cast<std::size_t>(static_cast<const char*>(end) - from);
          skipped += part;
          begin_ += part + 1;
          break;
        }
        skipped += end_ - begin_;
        begin_ = end_ = 0;
        if (eof_ || !refill()) break;
      }
      oversize_ = std::max<std::size_t>(skipped, 1);
      line = std::string_view();
      return true;
    }
    if (nl) {
      line = std::string_view(start, length);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      begin_ += length + 1;
      return true;
    }
    if (eof_) {
      if (begin_ == end_) return false;
      line = std::string_view(start, end_ - begin_);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      begin_ = end_;
      return true;
    }
    if (!may_wait && !readable_now()) {
      waiting_ = true;
      return false;
    }
    refill();
  }
}

}  // namespace conform::cli
