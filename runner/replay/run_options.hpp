// RunOptions: how replay runs cases, the one options type of the replay layer (the pool of
// workers, the HTTP client, and what a case does after a failed step).
#pragma once

#include <atomic>
#include <chrono>
#include <string>

#include "http/client.hpp"

namespace conform::replay {

struct RunOptions {
  int jobs = 1;
  bool fail_fast = false;          // after the first failed or broken case, skip the rest
  double requests_per_second = 0;  // 0: no limit; shared by every worker
  http::ClientOptions client;      // its TLS settings go into the curl reproducers too
  // After a failed step, run the remaining steps anyway (`conform record`: every response is
  // evidence). A step that could not run (an error) still stops the case.
  bool run_after_failure = false;
  const std::atomic<bool>* interrupted = nullptr;  // set from a signal handler: stop early
  // No case starts after it (conform fuzz --max-time): the rest are skipped.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  std::string target;  // for RunResult::target
};

}  // namespace conform::replay
