#include "cli/payload_input.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <utility>

#include "cli/path_check.hpp"

namespace conform::cli {
namespace {

std::optional<Format> format_from_name(const std::string& file) {
  const auto ext = std::filesystem::path(file).extension().string();
  if (ext == ".json" || ext == ".ndjson" || ext == ".jsonl") return Format::json;
  if (ext == ".xml") return Format::xml;
  if (ext == ".form") return Format::form;
  return std::nullopt;
}

// Reads a whole payload into `bytes`, but never more than `limit` bytes: a larger one is
// known by its size alone (`oversize`).
bool read_whole(const std::string& file, std::size_t limit, std::string& bytes,
                std::size_t& oversize) {
  std::ifstream opened;
  if (file != "-") {
    opened.open(file, std::ios::binary);
    if (!opened) return false;
  }
  std::istream& in = file == "-" ? std::cin : opened;
  bytes.clear();
  oversize = 0;
  char chunk[1 << 16];
  std::size_t total = 0;
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    const auto got = static_cast<std::size_t>(in.gcount());
    total += got;
    if (total > limit) {
      bytes.clear();
    } else {
      bytes.append(chunk, got);
    }
  }
  if (total > limit) oversize = total;
  return !in.bad();
}

void report_unreadable(const std::string& file) {
  std::string problem = path_problem(file, PathKind::file);
  if (problem.empty()) problem = "a read failed";
  if (problem == "a folder, not a file") problem += "; name the payload files in it";
  std::cerr << "conform validate: cannot read " << file << ": " << problem << "\n";
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
      if (in_ == nullptr) {
        report_unreadable(file);
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
    if (!read_whole(file, body_limit_, whole_, oversize)) {
      report_unreadable(file);
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
