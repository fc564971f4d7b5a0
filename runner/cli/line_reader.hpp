// LineReader: a file or stdin, one line at a time, in bounded memory (NDJSON streaming).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace conform::cli {

class LineReader {
 public:
  // `file` stays owned by the caller.
  explicit LineReader(std::FILE* file);
  // The next line without its "\n" (and "\r"); false at the end. The view is valid until
  // the next call.
  bool next(std::string_view& line);
  // True when a read failed (as opposed to reaching the end).
  bool failed() const { return failed_; }

 private:
  std::FILE* file_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  bool failed_ = false;
};

}  // namespace conform::cli
