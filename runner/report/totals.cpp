#include "report/totals.hpp"

namespace conform::report {

void Totals::add(const CaseResult& result) {
  ++cases;
  duration_ms += result.duration_ms;
  switch (result.outcome) {
    case Outcome::passed:
      ++passed;
      break;
    case Outcome::failed:
      ++failed;
      break;
    case Outcome::error:
      ++errors;
      break;
    case Outcome::skipped:
      ++skipped;
      break;
  }
}

Totals totals_of(const RunResult& run) {
  Totals totals;
  for (const auto& result : run.cases) totals.add(result);
  return totals;
}

std::map<std::string, Totals> totals_by_vendor(const RunResult& run) {
  std::map<std::string, Totals> by_vendor;
  for (const auto& result : run.cases) by_vendor[result.vendor].add(result);
  return by_vendor;
}

std::string describe(const Totals& totals) {
  return std::to_string(totals.cases) + (totals.cases == 1 ? " case: " : " cases: ") +
         std::to_string(totals.passed) + " passed, " + std::to_string(totals.failed) + " failed, " +
         std::to_string(totals.errors) + (totals.errors == 1 ? " error, " : " errors, ") +
         std::to_string(totals.skipped) + " skipped";
}

}  // namespace conform::report
