// LineReader: a file or stdin, one line at a time, in bounded memory (NDJSON streaming).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <limits>
#include <memory>
#include <string>
#include <string_view>

namespace conform::cli {

class LineReader {
 public:
  // `file` stays owned by the caller, and nothing else may read from it: the reader reads
  // its descriptor directly, so a line is available as soon as it arrives (stdio would wait
  // for a full buffer). Lines longer than `max_line_bytes` are not kept: they are read past
  // and reported by length (see oversize()), so memory stays bounded.
  explicit LineReader(std::FILE* file,
                      std::size_t max_line_bytes = std::numeric_limits<std::size_t>::max());

  // The next line without its "\n" (and "\r"); false at the end. The view is valid until
  // the next call. For a line over the limit the view is empty and oversize() says its length.
  // With `may_wait` false it also returns false, and waiting() says so, when the next line
  // has not arrived yet (a pipe whose writer is slower than us).
  bool next(std::string_view& line, bool may_wait = true);
  bool waiting() const { return waiting_; }
  // The length of the line next() just skipped for being over the limit; 0 when it was kept.
  std::size_t oversize() const { return oversize_; }
  // True when a read failed (as opposed to reaching the end).
  bool failed() const { return failed_; }

 private:
  // Reads more bytes after the kept ones; false at the end of the input.
  bool refill();
  // Whether a read would return at once (with bytes or the end of the input).
  bool readable_now() const;

  int fd_;
  std::size_t max_line_;
  // Left uninitialised: zeroing 256 KiB touched 64 pages that a short input never uses.
  // malloc'd, so a long line grows it with realloc (mremap for large blocks): a copy beside
  // the old buffer would double the peak.
  struct Free {
    void operator()(char* p) const { std::free(p); }
  };
  std::unique_ptr<char, Free> buffer_;
  std::size_t capacity_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::size_t oversize_ = 0;
  bool eof_ = false;
  bool failed_ = false;
  bool waiting_ = false;
};

}  // namespace conform::cli
