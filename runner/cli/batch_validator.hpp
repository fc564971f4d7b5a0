// BatchValidator: validates payloads in bounded batches on N threads while the calling thread
// reads the next batch, and hands each batch back in input order.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/worker_pool.hpp"
#include "model/format.hpp"
#include "model/result.hpp"

namespace conform::cli {

using Checker = std::function<PayloadResult(std::string_view bytes, std::optional<Format>)>;

// Payloads read together. Their bytes sit back to back in one buffer, so reading a payload
// costs an append, not an allocation of its own.
struct Batch {
  struct Entry {
    std::size_t file = 0;  // index into the command's list of files
    std::size_t line = 0;  // 1-based, NDJSON only
    std::size_t offset = 0;
    std::size_t size = 0;
    std::optional<Format> format;
    // Over the body-bytes limit: its size; its bytes were never kept.
    std::size_t oversize = 0;
  };

  std::string text;
  std::vector<Entry> entries;
  // One per entry once validated (it may hold more: the ones past the entries are stale).
  std::vector<PayloadResult> results;

  std::string_view bytes(const Entry& entry) const {
    return std::string_view(text).substr(entry.offset, entry.size);
  }
};

class BatchValidator {
 public:
  // `deliver` gets each batch, validated, in input order, on the calling thread.
  BatchValidator(Checker check, unsigned jobs, std::size_t body_limit,
                 std::function<void(Batch&)> deliver);
  BatchValidator(const BatchValidator&) = delete;
  BatchValidator& operator=(const BatchValidator&) = delete;

  // Adds a payload to the batch being read; hands that batch over first when the payload
  // would not fit in it (batches are bounded, so memory stays flat on streams of any size).
  void add(std::size_t file, std::size_t line, std::string_view bytes,
           std::optional<Format> format);
  // A payload over the body-bytes limit, known by its size alone.
  void add_oversize(std::size_t file, std::size_t line, std::size_t size);
  // Validates and delivers every batch still held.
  void finish();

 private:
  struct Slot {
    Batch batch;
    std::atomic<std::size_t> next{0};  // the first entry no thread has claimed yet
  };

  // Starts validating the filling batch on the helpers and delivers the one before it.
  void submit();
  void validate_claimed_chunks();
  // The calling thread joins in on the batch in flight and waits for the helpers to finish it.
  Slot* validate_in_flight();
  void deliver(Slot& slot);

  Checker check_;
  unsigned jobs_;
  std::size_t body_limit_;
  std::function<void(Batch&)> deliver_;
  Slot slots_[2];
  Slot* filling_ = &slots_[0];
  Slot* in_flight_ = nullptr;
  std::function<void()> work_;
  // Last: destroyed first, so helpers are joined before the slots they work on go.
  WorkerPool pool_;
};

}  // namespace conform::cli
