#include "cli/batch_validator.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

namespace conform::cli {
namespace {

constexpr std::size_t kBatchPayloads = 512;
// A stream holds jobs + 2 batches at once (one per thread and two that wait for their turn
// to be delivered). 256 KiB holds 512 typical payloads; 1 MiB buffers cost 500 more page
// faults on 30,000 lines of 1.7 KB, each new buffer faulted in as it was first filled.
constexpr std::size_t kBatchBytes = std::size_t{1} << 18;

// A payload over the body-bytes limit, judged by its size alone (kUnknownSize: a stream, not
// read past the limit).
PayloadResult oversize_result(std::size_t size, std::size_t limit) {
  PayloadResult result;
  result.valid = false;
  Finding finding;
  finding.line = finding.column = 1;
  finding.keyword = "limit";
  finding.message = (size == kUnknownSize ? std::string("the body is")
                                          : "the body is " + std::to_string(size) + " bytes,") +
                    " more than the limit of " + std::to_string(limit) +
                    " (raise it with --limit body-bytes=N)";
  result.findings.push_back(std::move(finding));
  return result;
}

// Takes `mutex`, trying for a moment before sleeping on it: it is held for microseconds,
// and a thread that sleeps can take a millisecond to be run again on a virtual machine.
void lock_soon(std::mutex& mutex) {
  for (int attempt = 0; attempt < 2000; ++attempt) {
    if (mutex.try_lock()) return;
  }
  mutex.lock();
}

}  // namespace

Batch::Batch() {
  // Reserved, not touched: growing a buffer by doubling copied it and faulted in fresh pages
  // every time, and page faults were a tenth of a short run's time.
  text_.reserve(kBatchBytes);
  entries_.reserve(kBatchPayloads);
}

bool Batch::fits(std::size_t size) const {
  if (entries_.empty()) return true;
  return entries_.size() < kBatchPayloads && text_.size() + size <= kBatchBytes;
}

void Batch::add(std::size_t file, std::size_t line, std::string_view bytes,
                std::optional<Format> format) {
  entries_.push_back(Entry{file, line, text_.size(), bytes.size(), format, 0});
  text_.append(bytes);
}

void Batch::add_oversize(std::size_t file, std::size_t line, std::size_t size) {
  entries_.push_back(Entry{file, line, text_.size(), 0, Format::json, size});
}

void Batch::clear() {
  text_.clear();
  entries_.clear();
  // One large payload grew the buffer: give that memory back rather than keep it to the end.
  if (text_.capacity() > 2 * kBatchBytes) {
    std::string fresh;
    fresh.reserve(kBatchBytes);
    text_.swap(fresh);
  }
}

BatchValidator::BatchValidator(Checker check, unsigned jobs, std::size_t body_limit,
                               std::function<void(Batch&)> deliver)
    : check_(std::move(check)),
      jobs_(std::max(1u, jobs)),
      max_batches_(std::size_t{jobs_} + 2),
      body_limit_(body_limit),
      deliver_(std::move(deliver)) {}

void BatchValidator::run(const Fill& fill) {
  work(fill);
  // This thread returns only once the input is exhausted, and no helper starts after that.
  std::vector<std::thread> helpers;
  {
    std::lock_guard<std::mutex> lock(input_mutex_);
    helpers.swap(helpers_);
  }
  for (auto& helper : helpers) helper.join();
  if (failure_) std::rethrow_exception(failure_);
}

void BatchValidator::work(const Fill& fill) {
  try {
    while (std::unique_ptr<Batch> batch = take()) {
      if (!read_into(*batch, fill)) {
        std::lock_guard<std::mutex> lock(output_mutex_);
        --batches_;  // nothing left to read: this batch is not needed again
        return;
      }
      validate(*batch);
      complete(std::move(batch));
    }
  } catch (...) {
    fail(std::current_exception());
  }
}

bool BatchValidator::read_into(Batch& batch, const Fill& fill) {
  lock_soon(input_mutex_);
  std::lock_guard<std::mutex> lock(input_mutex_, std::adopt_lock);
  if (exhausted_) return false;
  batch.sequence_ = next_sequence_++;
  exhausted_ = !fill(batch);
  if (!exhausted_ && helpers_.size() + 1 < jobs_) {
    try {
      helpers_.emplace_back([this, &fill] { work(fill); });
    } catch (const std::system_error&) {
      jobs_ = static_cast<unsigned>(helpers_.size()) + 1;  // go on with the threads there are
    }
  }
  return true;
}

std::unique_ptr<Batch> BatchValidator::take() {
  std::unique_lock<std::mutex> lock(output_mutex_);
  freed_.wait(lock, [this] { return failure_ || !free_.empty() || batches_ < max_batches_; });
  if (failure_) return nullptr;
  if (!free_.empty()) {
    std::unique_ptr<Batch> batch = std::move(free_.back());
    free_.pop_back();
    return batch;
  }
  ++batches_;
  return std::make_unique<Batch>();
}

void BatchValidator::validate(Batch& batch) const {
  // Results are overwritten in place, never cleared: the thread that validates a batch is
  // the one that writes its results.
  auto& results = batch.results_;
  if (results.size() < batch.entries_.size()) results.resize(batch.entries_.size());
  for (std::size_t i = 0; i < batch.entries_.size(); ++i) {
    const auto& entry = batch.entries_[i];
    results[i] = entry.oversize > 0 ? oversize_result(entry.oversize, body_limit_)
                                    : check_(batch.bytes(entry), entry.format);
  }
}

void BatchValidator::complete(std::unique_ptr<Batch> batch) {
  {
    lock_soon(output_mutex_);
    std::lock_guard<std::mutex> lock(output_mutex_, std::adopt_lock);
    validated_.emplace(batch->sequence_, std::move(batch));
    while (!failure_ && !validated_.empty() && validated_.begin()->first == next_delivery_) {
      std::unique_ptr<Batch> turn = std::move(validated_.begin()->second);
      validated_.erase(validated_.begin());
      deliver_(*turn);
      turn->clear();
      free_.push_back(std::move(turn));
      ++next_delivery_;
    }
  }
  freed_.notify_all();
}

void BatchValidator::fail(std::exception_ptr failure) {
  {
    std::lock_guard<std::mutex> lock(input_mutex_);
    exhausted_ = true;
  }
  {
    std::lock_guard<std::mutex> lock(output_mutex_);
    if (!failure_) failure_ = std::move(failure);
  }
  freed_.notify_all();
}

}  // namespace conform::cli
