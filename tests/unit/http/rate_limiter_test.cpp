#include "http/rate_limiter.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

namespace conform::http {
namespace {

TEST(RateLimiter, SpacesRequestsFromSeveralThreads) {
  RateLimiter limiter(50);  // one every 20 ms
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int i = 0; i < 3; ++i) {
    workers.emplace_back([&] {
      for (int j = 0; j < 3; ++j) limiter.acquire();
    });
  }
  for (auto& worker : workers) worker.join();
  // 9 acquisitions: the first is immediate, the other 8 are 20 ms apart.
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(155));
}

TEST(RateLimiter, ZeroMeansNoLimit) {
  RateLimiter limiter(0);
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 1000; ++i) limiter.acquire();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(100));
}

}  // namespace
}  // namespace conform::http
