// measure_coverage: which documented parts of each vendor's contract a run exercised
// (statuses, error envelopes, request and response media types) and which it never did.
#pragma once

#include <string>
#include <vector>

#include "contracts/manifest.hpp"
#include "model/case_result.hpp"

namespace conform::report {

// One VendorCoverage per vendor that has cases in `run` and a manifest in `vendors`, in
// the order of `vendors`. A status the vendor does not document counts toward its
// "default" response when it has one. Store the result in RunResult::coverage before
// write_reports to get the coverage tables.
std::vector<VendorCoverage> measure_coverage(const RunResult& run,
                                             const std::vector<contracts::Manifest>& vendors);

// The same count, one exchange at a time, for a caller that keeps no RunResult (the proxy).
class CoverageCounter {
 public:
  explicit CoverageCounter(const contracts::Manifest& manifest);
  void count(const Exchange& exchange);
  const VendorCoverage& coverage() const { return coverage_; }

 private:
  VendorCoverage coverage_;
  std::vector<std::string> statuses_;  // the documented response statuses
  bool has_default_ = false;
};

// A short label for tables: "status 200", "error 404", "request application/xml",
// "response application/json".
std::string coverage_label(const CoverageItem& item);

}  // namespace conform::report
