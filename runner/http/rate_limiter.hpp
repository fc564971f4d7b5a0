// RateLimiter: spaces requests from every worker to at most N per second.
#pragma once

#include <chrono>
#include <mutex>

namespace conform::http {

class RateLimiter {
 public:
  // `per_second` <= 0: no limit.
  explicit RateLimiter(double per_second);

  // Blocks until the caller may send its next request.
  void acquire();

 private:
  std::chrono::steady_clock::duration interval_{};
  std::chrono::steady_clock::time_point next_{};
  std::mutex mutex_;
};

}  // namespace conform::http
