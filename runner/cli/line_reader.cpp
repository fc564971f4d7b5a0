#include "cli/line_reader.hpp"

#include <cstring>

namespace conform::cli {

LineReader::LineReader(std::FILE* file) : file_(file), buffer_(std::size_t{1} << 20) {}

bool LineReader::next(std::string_view& line) {
  for (;;) {
    const char* start = buffer_.data() + begin_;
    if (const void* nl = std::memchr(start, '\n', end_ - begin_)) {
      const std::size_t length = static_cast<std::size_t>(static_cast<const char*>(nl) - start);
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
    // Keep the partial line, then refill; a line longer than the buffer grows it.
    std::memmove(buffer_.data(), start, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
    if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
    const std::size_t got = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
    end_ += got;
    if (got == 0) {
      eof_ = true;
      failed_ = std::ferror(file_) != 0;
    }
  }
}

}  // namespace conform::cli
