// Totals: how many cases passed, failed, broke or were skipped, overall and per vendor.
#pragma once

#include <map>
#include <string>

#include "model/case_result.hpp"

namespace conform::report {

struct Totals {
  int cases = 0;
  int passed = 0;
  int failed = 0;
  int errors = 0;
  int skipped = 0;
  double duration_ms = 0;  // sum of the cases' durations

  void add(const CaseResult& result);
  // Failed or broken cases: what makes a run exit 1.
  bool has_failures() const { return failed + errors > 0; }
};

Totals totals_of(const RunResult& run);

// Per vendor, in the order std::map gives (by id): stable across runs and shards.
std::map<std::string, Totals> totals_by_vendor(const RunResult& run);

// "60 cases: 57 passed, 2 failed, 1 error, 0 skipped"
std::string describe(const Totals& totals);

}  // namespace conform::report
