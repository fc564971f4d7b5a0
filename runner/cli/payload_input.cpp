#include "cli/payload_input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <utility>

#include "text/terminal.hpp"

namespace conform::cli {
namespace {

std::optional<Format> format_from_name(const std::string& file) {
  const auto ext = std::filesystem::path(file).extension().string();
  if (ext == ".json" || ext == ".ndjson" || ext == ".jsonl") return Format::json;
  if (ext == ".xml") return Format::xml;
  if (ext == ".form") return Format::form;
  return std::nullopt;
}

// Why `file` cannot be read, in words, from the errno of the failed call.
std::string unreadable_reason(const std::string& file, int error) {
  std::error_code status_error;
  if (std::filesystem::is_directory(file, status_error)) {
    return "a folder, not a file; name the payload files in it";
  }
  switch (error) {
    case ENOENT:
      return "no such file";
    case ELOOP:
      return "a loop of symbolic links";
    case EACCES:
      return "permission denied";
    case EISDIR:
      return "a folder, not a file; name the payload files in it";
    default:
      return std::strerror(error);
  }
}

// Reads a whole payload into `bytes`, but never more than `limit` bytes: past that a regular
// file's size comes from the file system (a sparse 2 GB file is not read to learn it), and a
// stream (a pipe, /dev/zero) is read no further (`oversize` kUnknownSize). Returns "" or why
// the file cannot be read.
std::string read_whole(const std::string& file, std::size_t limit, std::string& bytes,
                       std::size_t& oversize) {
  const int fd = file == "-" ? STDIN_FILENO : ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return unreadable_reason(file, errno);
  struct stat info {};
  const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  bytes.clear();
  oversize = 0;
  if (regular && static_cast<std::size_t>(info.st_size) > limit) {
    oversize = static_cast<std::size_t>(info.st_size);  // known without reading a byte
    if (fd != STDIN_FILENO) ::close(fd);
    return "";
  }
  std::string problem;
  if (regular) {
    // One read of one byte more than the file's size, straight into `bytes`: a regular file
    // answers short only at its end, so a short read saves the second read that would find
    // it (a tenth of the cost of a small file). A file that grew meanwhile reads on below.
    const auto size = static_cast<std::size_t>(info.st_size);
    bytes.resize(size + 1);
    ssize_t got;
    do {
      got = ::read(fd, bytes.data(), size + 1);
    } while (got < 0 && errno == EINTR);
    if (got >= 0 && static_cast<std::size_t>(got) <= size) {
      bytes.resize(static_cast<std::size_t>(got));
      if (fd != STDIN_FILENO) ::close(fd);
      return "";
    }
    bytes.resize(got < 0 ? 0 : static_cast<std::size_t>(got));
    if (got < 0) problem = unreadable_reason(file, errno);
    if (bytes.size() > limit) {
      oversize = kUnknownSize;
      bytes.clear();
      if (fd != STDIN_FILENO) ::close(fd);
      return "";
    }
  }
  char chunk[1 << 16];
  while (problem.empty()) {
    const ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      problem = unreadable_reason(file, errno);
      break;
    }
    if (got == 0) break;
    if (bytes.size() + static_cast<std::size_t>(got) > limit) {
      const auto size = static_cast<std::size_t>(info.st_size);
      oversize = regular && size > limit ? size : kUnknownSize;
      bytes.clear();
      break;
    }
    bytes.append(chunk, static_cast<std::size_t>(got));
  }
  if (fd != STDIN_FILENO) ::close(fd);
  return problem;
}

void report_unreadable(const std::string& file, const std::string& reason) {
  std::cerr << "conform validate: cannot read " << text::escape_for_terminal(file) << ": " << reason
            << "\n";
}

}  // namespace

PayloadInput::PayloadInput(std::vector<std::string> files, bool ndjson,
                           std::optional<Format> format, std::size_t body_limit)
    : files_(std::move(files)), ndjson_(ndjson), format_(format), body_limit_(body_limit) {}

PayloadInput::~PayloadInput() { close(); }

bool PayloadInput::fill(Batch& batch) {
  for (;;) {
    if (!pending_) {
      const Next next = read_next(batch.entries().empty());
      if (next == Next::end) return false;
      if (next == Next::waiting) return true;
    }
    const Pending& next = *pending_;
    if (!batch.fits(next.bytes.size())) return true;
    if (next.oversize > 0) {
      batch.add_oversize(next.file, next.line, next.oversize);
    } else {
      batch.add(next.file, next.line, next.bytes, next.format);
    }
    pending_.reset();
  }
}

PayloadInput::Next PayloadInput::read_next(bool may_wait) {
  return ndjson_ ? read_next_line(may_wait) : read_next_file();
}

PayloadInput::Next PayloadInput::read_next_line(bool may_wait) {
  for (;;) {
    if (!lines_) {
      if (index_ >= files_.size()) return Next::end;
      const std::string& file = files_[index_];
      in_ = file == "-" ? stdin : std::fopen(file.c_str(), "rb");
      std::error_code status_error;
      if (in_ != nullptr && std::filesystem::is_directory(file, status_error)) {
        std::fclose(in_);
        in_ = nullptr;
        errno = EISDIR;
      }
      if (in_ == nullptr) {
        report_unreadable(file, unreadable_reason(file, errno));
        unreadable_ = true;
        ++index_;
        continue;
      }
      lines_ = std::make_unique<LineReader>(in_, body_limit_);
      line_ = 0;
    }
    std::string_view line;
    if (!lines_->next(line, may_wait)) {
      if (lines_->waiting()) return Next::waiting;
      if (lines_->failed()) {
        std::cerr << "conform validate: reading " << files_[index_] << " failed after line "
                  << line_ << "\n";
        unreadable_ = true;
      }
      close();
      ++index_;
      continue;
    }
    ++line_;
    if (lines_->oversize() > 0) {
      pending_ = Pending{index_, line_, {}, Format::json, lines_->oversize()};
      return Next::payload;
    }
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      pending_ = Pending{index_, line_, line, Format::json, 0};
      return Next::payload;
    }
  }
}

PayloadInput::Next PayloadInput::read_next_file() {
  while (index_ < files_.size()) {
    const std::size_t index = index_++;
    const std::string& file = files_[index];
    std::size_t oversize = 0;
    if (const std::string reason = read_whole(file, body_limit_, whole_, oversize);
        !reason.empty()) {
      report_unreadable(file, reason);
      unreadable_ = true;
      continue;
    }
    pending_ = Pending{index, 0, whole_, format_ ? format_ : format_from_name(file), oversize};
    return Next::payload;
  }
  return Next::end;
}

void PayloadInput::close() {
  lines_.reset();
  if (in_ != nullptr && in_ != stdin) std::fclose(in_);
  in_ = nullptr;
}

}  // namespace conform::cli
