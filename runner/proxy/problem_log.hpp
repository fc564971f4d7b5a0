// ProblemLog: what the proxy saw, kept in bounded memory for the reports: one entry per
// distinct problem (where, keyword, JSON Pointer) with the first exchanges that showed it and
// how many did, the exchanges that showed none, and the contract coverage of them all.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "contracts/manifest.hpp"
#include "model/case_result.hpp"
#include "report/coverage.hpp"

namespace conform::proxy {

// How many exchanges each entry keeps as examples; the rest are only counted.
inline constexpr std::size_t kExamplesPerProblem = 5;
// Distinct problems kept apart; past them, every new one joins one last entry.
inline constexpr std::size_t kMaxProblems = 1000;
// An example's request or response body is kept up to this many bytes.
inline constexpr std::size_t kMaxExampleBodyBytes = 64 * 1024;

class ProblemLog {
 public:
  ProblemLog(const contracts::Manifest& vendor, std::string target);

  // Counts one exchange and its findings. Before anything of them is kept (an example, a new
  // problem's name), calls `mask_secrets`, which masks both in place, once; empty: they are
  // masked already. Most exchanges are only counted: their secrets are never looked for.
  // Thread-safe.
  void add(const Exchange& exchange, const Findings& findings,
           const std::function<void()>& mask_secrets = {});

  // The exchanges as a run for report::write_reports: each problem is a case (failed when
  // its findings are errors) whose steps are its examples; the clean exchanges are one case.
  RunResult run() const;

  std::size_t exchanges() const;

 private:
  struct Entry {
    std::string name;
    bool error = false;
    std::size_t count = 0;
    std::vector<StepResult> examples;
  };

  const contracts::Manifest& vendor_;
  std::string target_;
  std::string started_at_;
  std::chrono::steady_clock::time_point started_;
  mutable std::mutex mutex_;
  std::size_t exchanges_ = 0;
  std::map<std::string, Entry> problems_;  // by "<where>|<keyword>|<pointer>"
  Entry more_problems_;                    // past kMaxProblems
  Entry clean_;
  report::CoverageCounter coverage_;
};

}  // namespace conform::proxy
