#include <algorithm>
#include <tuple>

#include "report/reports.hpp"

namespace conform::report {
namespace {

void add_coverage(std::vector<VendorCoverage>& into, const VendorCoverage& vendor) {
  auto it = std::find_if(into.begin(), into.end(),
                         [&](const VendorCoverage& v) { return v.vendor == vendor.vendor; });
  if (it == into.end()) {
    into.push_back(vendor);
    return;
  }
  for (const auto& item : vendor.items) {
    auto same = std::find_if(it->items.begin(), it->items.end(), [&](const CoverageItem& i) {
      return i.kind == item.kind && i.value == item.value;
    });
    if (same == it->items.end()) {
      it->items.push_back(item);
    } else {
      same->exchanges += item.exchanges;
    }
  }
}

}  // namespace

RunResult merge(const std::vector<RunResult>& runs) {
  RunResult merged;
  for (const auto& run : runs) {
    if (merged.target.empty()) {
      merged.target = run.target;
    } else if (!run.target.empty() && run.target != merged.target &&
               merged.target.find(run.target) == std::string::npos) {
      merged.target += ", " + run.target;
    }
    // RFC 3339 UTC stamps of one shape compare as text.
    if (!run.started_at.empty() &&
        (merged.started_at.empty() || run.started_at < merged.started_at)) {
      merged.started_at = run.started_at;
    }
    merged.duration_ms = std::max(merged.duration_ms, run.duration_ms);
    merged.interrupted = merged.interrupted || run.interrupted;
    merged.cases.insert(merged.cases.end(), run.cases.begin(), run.cases.end());
    for (const auto& vendor : run.coverage) add_coverage(merged.coverage, vendor);
  }
  // A seed names the merged requests only when every shard had that one.
  if (!runs.empty()) merged.seed = runs.front().seed;
  for (const auto& run : runs) {
    if (run.seed != merged.seed) merged.seed.reset();
  }
  // Shards finish in any order; the merged report must not depend on it.
  std::stable_sort(merged.cases.begin(), merged.cases.end(),
                   [](const CaseResult& a, const CaseResult& b) {
                     return std::tie(a.vendor, a.file, a.name) < std::tie(b.vendor, b.file, b.name);
                   });
  std::sort(merged.coverage.begin(), merged.coverage.end(),
            [](const VendorCoverage& a, const VendorCoverage& b) { return a.vendor < b.vendor; });
  return merged;
}

}  // namespace conform::report
