// BatchValidator: validates payloads in bounded batches on N threads and hands each batch
// back in input order. Every thread reads its own batch, validates it and, when its turn
// comes, delivers it: a payload's bytes and verdict stay in the cache of the core that read
// them, where a reading thread feeding validating threads sent every byte across cores.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "model/format.hpp"
#include "model/result.hpp"

namespace conform::cli {

// The size of an oversized payload that was not read to its end.
inline constexpr std::size_t kUnknownSize = static_cast<std::size_t>(-1);

using Checker = std::function<PayloadResult(std::string_view bytes, std::optional<Format>)>;

// Payloads read together. Their bytes sit back to back in one buffer, so reading a payload
// costs an append, not an allocation of its own.
class Batch {
 public:
  struct Entry {
    std::size_t file = 0;  // index into the command's list of files
    std::size_t line = 0;  // 1-based, NDJSON only
    std::size_t offset = 0;
    std::size_t size = 0;
    std::optional<Format> format;
    // Over the body-bytes limit: its size; its bytes were never kept.
    std::size_t oversize = 0;
  };

  Batch();

  // Whether a payload of `size` bytes still fits. An empty batch takes a payload of any
  // size; otherwise the buffer is never grown (growing copies it and faults in fresh pages).
  bool fits(std::size_t size) const;
  void add(std::size_t file, std::size_t line, std::string_view bytes,
           std::optional<Format> format);
  // A payload over the body-bytes limit, known by its size alone (kUnknownSize: a stream
  // that was not read past the limit).
  void add_oversize(std::size_t file, std::size_t line, std::size_t size);
  // Empties the batch for the next payloads.
  void clear();

  const std::vector<Entry>& entries() const { return entries_; }
  std::string_view bytes(const Entry& entry) const {
    return std::string_view(text_).substr(entry.offset, entry.size);
  }
  // One per entry once validated (it may hold more: the ones past the entries are stale).
  std::vector<PayloadResult>& results() { return results_; }

 private:
  friend class BatchValidator;
  std::string text_;
  std::vector<Entry> entries_;
  std::vector<PayloadResult> results_;
  std::uint64_t sequence_ = 0;
};

class BatchValidator {
 public:
  // Adds the next payloads to the batch until it is full; false once the input is exhausted.
  // Called under a lock, from whichever thread needs work.
  using Fill = std::function<bool(Batch&)>;

  // `deliver` gets each batch, validated, in input order, one at a time (from any thread).
  BatchValidator(Checker check, unsigned jobs, std::size_t body_limit,
                 std::function<void(Batch&)> deliver);
  BatchValidator(const BatchValidator&) = delete;
  BatchValidator& operator=(const BatchValidator&) = delete;

  // Validates everything `fill` gives on up to `jobs` threads, this one among them; a
  // helper starts only when a batch was filled and more input remains. Rethrows what a
  // check threw.
  void run(const Fill& fill);

 private:
  void work(const Fill& fill);
  // Gives `batch` the next payloads and its place in the order, and starts a helper while
  // more input remains and fewer than `jobs` threads work; false when nothing was left.
  bool read_into(Batch& batch, const Fill& fill);
  // A batch to fill: a free one, else a new one while fewer than the bound exist (which
  // bounds memory on streams of any size), else the first one to be freed; null once a
  // thread has failed.
  std::unique_ptr<Batch> take();
  void validate(Batch& batch) const;
  // Files the batch as validated and delivers every batch whose turn has come.
  void complete(std::unique_ptr<Batch> batch);
  void fail(std::exception_ptr failure);

  Checker check_;
  unsigned jobs_;  // guarded by input_mutex_ once run() starts
  const std::size_t max_batches_;
  std::size_t body_limit_;
  std::function<void(Batch&)> deliver_;

  std::mutex input_mutex_;  // guards the input and everything below up to output_mutex_
  bool exhausted_ = false;
  std::uint64_t next_sequence_ = 0;
  std::vector<std::thread> helpers_;

  std::mutex output_mutex_;  // guards everything below
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Batch>> free_;
  std::size_t batches_ = 0;  // in existence: free, being read or validated, or waiting
  std::map<std::uint64_t, std::unique_ptr<Batch>> validated_;
  std::uint64_t next_delivery_ = 0;
  std::exception_ptr failure_;
};

}  // namespace conform::cli
