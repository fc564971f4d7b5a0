// BatchValidator: every thread reads, validates and delivers its own batches; what the
// command prints depends on the batches coming back whole, once each, in input order.
#include "cli/batch_validator.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace conform::cli {
namespace {

// `count` payloads "0", "1", ... one per line of file 0.
BatchValidator::Fill numbers(std::size_t count, std::size_t& next) {
  return [count, &next](Batch& batch) {
    while (next < count) {
      const std::string text = std::to_string(next);
      if (!batch.fits(text.size())) return true;
      batch.add(0, next + 1, text, Format::json);
      ++next;
    }
    return false;
  };
}

// Valid unless the number is a multiple of 7; some checks take a while, so threads overtake
// each other.
PayloadResult check_number(std::string_view bytes, std::optional<Format>) {
  const std::size_t n = std::stoul(std::string(bytes));
  if (n % 97 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
  PayloadResult result;
  result.valid = n % 7 != 0;
  return result;
}

TEST(BatchValidator, DeliversEveryPayloadOnceInInputOrderWithItsOwnVerdict) {
  for (const unsigned jobs : {1u, 2u, 8u}) {
    std::size_t next = 0;
    std::vector<std::size_t> lines;
    bool verdicts_right = true;
    std::set<const Batch*> batches;
    BatchValidator validator(check_number, jobs, 1 << 20, [&](Batch& batch) {
      batches.insert(&batch);
      for (std::size_t i = 0; i < batch.entries().size(); ++i) {
        const auto& entry = batch.entries()[i];
        lines.push_back(entry.line);
        const std::size_t n = std::stoul(std::string(batch.bytes(entry)));
        verdicts_right =
            verdicts_right && n + 1 == entry.line && batch.results()[i].valid == (n % 7 != 0);
      }
    });
    validator.run(numbers(20000, next));
    ASSERT_EQ(lines.size(), 20000u) << "jobs " << jobs;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      ASSERT_EQ(lines[i], i + 1) << "jobs " << jobs << ": out of order at " << i;
    }
    EXPECT_TRUE(verdicts_right) << "jobs " << jobs;
    // Memory stays bounded: one batch per thread and two waiting for their turn.
    EXPECT_LE(batches.size(), jobs + 2u) << "jobs " << jobs;
  }
}

TEST(BatchValidator, AThrowingCheckIsRethrownByRunNotTheEndOfTheProcess) {
  std::size_t next = 0;
  BatchValidator validator(
      [](std::string_view bytes, std::optional<Format>) -> PayloadResult {
        if (bytes == "4321") throw std::runtime_error("cannot check 4321");
        return {};
      },
      4, 1 << 20, [](Batch&) {});
  try {
    validator.run(numbers(10000, next));
    FAIL() << "run() returned";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "cannot check 4321");
  }
}

TEST(BatchValidator, StartsHelpersOnlyForInputThatNeedsThem) {
  std::mutex mutex;
  std::set<std::thread::id> threads;
  const auto check = [&](std::string_view, std::optional<Format>) {
    std::lock_guard<std::mutex> lock(mutex);
    threads.insert(std::this_thread::get_id());
    return PayloadResult{};
  };
  std::size_t next = 0;
  std::size_t delivered = 0;
  BatchValidator one(check, 8, 1 << 20, [&](Batch& batch) { delivered += batch.entries().size(); });
  one.run(numbers(3, next));
  EXPECT_EQ(delivered, 3u);
  EXPECT_EQ(threads.size(), 1u) << "three payloads fill one batch: no helper is needed";

  next = 0;
  BatchValidator none(check, 8, 1 << 20,
                      [&](Batch& batch) { delivered += batch.entries().size(); });
  none.run(numbers(0, next));
  EXPECT_EQ(delivered, 3u) << "an empty input delivers nothing";
}

TEST(BatchValidator, APayloadLargerThanABatchBufferGetsABatchOfItsOwn) {
  const std::string large(3u << 20, 'x');
  int calls = 0;
  const BatchValidator::Fill fill = [&](Batch& batch) {
    const std::vector<std::string_view> payloads = {"1", large, "2"};
    while (calls < 3) {
      const auto bytes = payloads[static_cast<std::size_t>(calls)];
      if (!batch.fits(bytes.size())) return true;
      batch.add(0, static_cast<std::size_t>(calls) + 1, bytes, Format::json);
      ++calls;
    }
    return false;
  };
  std::vector<std::size_t> sizes;
  std::vector<std::size_t> per_batch;
  BatchValidator validator([](std::string_view, std::optional<Format>) { return PayloadResult{}; },
                           2, 8u << 20,
                           [&](Batch& batch) {
                             per_batch.push_back(batch.entries().size());
                             for (const auto& entry : batch.entries()) {
                               sizes.push_back(batch.bytes(entry).size());
                             }
                           });
  validator.run(fill);
  EXPECT_EQ(sizes, (std::vector<std::size_t>{1, large.size(), 1}));
  EXPECT_EQ(per_batch, (std::vector<std::size_t>{1, 1, 1}));
}

}  // namespace
}  // namespace conform::cli
