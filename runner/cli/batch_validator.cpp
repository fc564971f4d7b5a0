#include "cli/batch_validator.hpp"

#include <algorithm>
#include <utility>

namespace conform::cli {
namespace {

constexpr std::size_t kBatchPayloads = 512;
// Two batches are held at once (one read, one validated): 2 x 1 MiB keeps a stream's peak
// memory well under 32 MB.
constexpr std::size_t kBatchBytes = std::size_t{1} << 20;
// Entries a thread claims at a time: few enough atomic claims, small enough to share a batch.
constexpr std::size_t kChunk = 16;

// A payload over the body-bytes limit, judged by its size alone.
PayloadResult oversize_result(std::size_t size, std::size_t limit) {
  PayloadResult result;
  result.valid = false;
  Finding finding;
  finding.line = finding.column = 1;
  finding.keyword = "limit";
  finding.message = "the body is " + std::to_string(size) + " bytes, more than the limit of " +
                    std::to_string(limit) + " (raise it with --limit body-bytes=N)";
  result.findings.push_back(std::move(finding));
  return result;
}

}  // namespace

void BatchValidator::add(std::size_t file, std::size_t line, std::string_view bytes,
                         std::optional<Format> format) {
  Batch& batch = filling_->batch;
  const bool fits =
      batch.entries.size() < kBatchPayloads && batch.text.size() + bytes.size() <= kBatchBytes;
  // Never grow the reserved buffer for a payload that starts a new batch anyway: growing
  // copies it and faults in fresh pages.
  if (!fits && !batch.entries.empty()) submit();
  Batch& into = filling_->batch;
  into.entries.push_back(Batch::Entry{file, line, into.text.size(), bytes.size(), format, 0});
  into.text.append(bytes);
}

void BatchValidator::add_oversize(std::size_t file, std::size_t line, std::size_t size) {
  if (filling_->batch.entries.size() >= kBatchPayloads) submit();
  Batch& into = filling_->batch;
  into.entries.push_back(Batch::Entry{file, line, into.text.size(), 0, Format::json, size});
}

BatchValidator::BatchValidator(Checker check, unsigned jobs, std::size_t body_limit,
                               std::function<void(Batch&)> deliver)
    : check_(std::move(check)),
      jobs_(std::max(1u, jobs)),
      body_limit_(body_limit),
      deliver_(std::move(deliver)),
      work_([this] { validate_claimed_chunks(); }) {
  // Reserved, not touched: growing a buffer by doubling copied it and faulted in fresh pages
  // every time, and page faults were a tenth of a short run's time.
  for (auto& slot : slots_) {
    slot.batch.text.reserve(kBatchBytes);
    slot.batch.entries.reserve(kBatchPayloads);
  }
}

void BatchValidator::validate_claimed_chunks() {
  Batch& batch = in_flight_->batch;
  const std::size_t count = batch.entries.size();
  for (;;) {
    const std::size_t begin = in_flight_->next.fetch_add(kChunk);
    if (begin >= count) return;
    for (std::size_t i = begin; i < std::min(count, begin + kChunk); ++i) {
      const auto& entry = batch.entries[i];
      batch.results[i] = entry.oversize > 0 ? oversize_result(entry.oversize, body_limit_)
                                            : check_(batch.bytes(entry), entry.format);
    }
  }
}

BatchValidator::Slot* BatchValidator::validate_in_flight() {
  work_();
  pool_.wait();
  Slot* done = in_flight_;
  in_flight_ = nullptr;
  return done;
}

void BatchValidator::deliver(Slot& slot) {
  deliver_(slot.batch);
  slot.batch.text.clear();
  slot.batch.entries.clear();
  // One large file grew the buffer: give that memory back rather than keep it to the end.
  if (slot.batch.text.capacity() > 2 * kBatchBytes) {
    std::string fresh;
    fresh.reserve(kBatchBytes);
    slot.batch.text.swap(fresh);
  }
}

void BatchValidator::submit() {
  Slot* previous = in_flight_ != nullptr ? validate_in_flight() : nullptr;
  in_flight_ = filling_;
  Batch& batch = in_flight_->batch;
  // Results are overwritten in place, never cleared: clearing them here wrote every one from
  // this thread just before a helper wrote them again, and each cache line crossed cores twice.
  if (batch.results.size() < batch.entries.size()) batch.results.resize(batch.entries.size());
  in_flight_->next = 0;
  const std::size_t chunks = (batch.entries.size() + kChunk - 1) / kChunk;
  const auto helpers =
      static_cast<unsigned>(std::min<std::size_t>(jobs_ - 1, chunks > 0 ? chunks - 1 : 0));
  // With one job nothing starts here: the calling thread validates the batch when it hands
  // over the next one (or at finish()).
  pool_.start(work_, helpers);
  // The helpers validate this batch while the one before is printed and the next is read.
  if (previous == nullptr) {
    filling_ = &slots_[filling_ == &slots_[0] ? 1 : 0];
    return;
  }
  deliver(*previous);
  filling_ = previous;
}

void BatchValidator::finish() {
  if (!filling_->batch.entries.empty()) submit();
  if (in_flight_ != nullptr) deliver(*validate_in_flight());
}

}  // namespace conform::cli
