// PayloadInput: the files `conform validate` reads, as batches of payloads: one per line
// (NDJSON) or one per file, in order, each within the body-bytes limit.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/batch_validator.hpp"
#include "cli/line_reader.hpp"
#include "model/format.hpp"

namespace conform::cli {

class PayloadInput {
 public:
  // `format`: every whole file's format, else each file's is taken from its extension.
  PayloadInput(std::vector<std::string> files, bool ndjson, std::optional<Format> format,
               std::size_t body_limit);
  ~PayloadInput();
  PayloadInput(const PayloadInput&) = delete;
  PayloadInput& operator=(const PayloadInput&) = delete;

  // Adds the next payloads to `batch` until it is full, or until the input has no more yet
  // (so a slow stream's verdicts come out as its lines arrive); false once every file is
  // read. A file that cannot be read is reported on stderr and skipped.
  bool fill(Batch& batch);
  // True when some file could not be read (exit 2).
  bool unreadable() const { return unreadable_; }

 private:
  // A payload read that did not fit in the batch it was read for.
  struct Pending {
    std::size_t file = 0;
    std::size_t line = 0;
    std::string_view bytes;  // into the line reader's buffer or whole_
    std::optional<Format> format;
    std::size_t oversize = 0;
  };

  enum class Next { payload, waiting, end };
  // Reads the next payload into pending_. With `may_wait` false, a pipe whose next line has
  // not arrived yet is `waiting` instead of a wait.
  Next read_next(bool may_wait);
  Next read_next_line(bool may_wait);
  Next read_next_file();
  void close();

  std::vector<std::string> files_;
  bool ndjson_;
  std::optional<Format> format_;
  std::size_t body_limit_;
  std::size_t index_ = 0;  // the file being read (NDJSON) or the next to read
  std::FILE* in_ = nullptr;
  std::unique_ptr<LineReader> lines_;
  std::size_t line_ = 0;
  std::string whole_;  // the last whole-file payload
  std::optional<Pending> pending_;
  bool unreadable_ = false;
};

}  // namespace conform::cli
