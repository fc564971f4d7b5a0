#include "fuzz/run_result.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "fuzz/case.hpp"
#include "replay/run.hpp"

namespace conform::fuzz {

RunResult fuzz_run_result(const FuzzOutcome& outcome, const std::vector<const FuzzTarget*>& targets,
                          const std::string& target, const ReproduceLine& reproduce) {
  RunResult run;
  run.target = target;
  run.started_at = replay::utc_now_rfc3339();
  run.duration_ms = outcome.duration_ms;
  run.interrupted = outcome.stopped_early;
  run.seed = outcome.seed;
  for (const FuzzProblem& problem : outcome.problems) {
    CaseResult result = problem.result;
    result.reproduce = reproduce(problem.vendor, problem.example);
    if (problem.verdict == FuzzVerdict::accepted_invalid) {
      result.outcome = Outcome::passed;
      for (StepResult& step : result.steps) {
        step.outcome = Outcome::passed;
        for (Finding& finding : step.findings) finding.severity = Severity::warning;
        Finding warning;
        warning.severity = Severity::warning;
        warning.keyword = "accepted-invalid";
        warning.message = "the vendor accepts what the contract forbids";
        step.findings.insert(step.findings.begin(), warning);
      }
    }
    run.cases.push_back(std::move(result));
  }
  for (const FuzzTarget* fuzzed : targets) {
    const contracts::Manifest& manifest = *fuzzed->manifest;
    run.secret_members.insert(run.secret_members.end(), manifest.secret_fields.begin(),
                              manifest.secret_fields.end());
    const auto tally = outcome.tallies.find(manifest.id);
    if (tally == outcome.tallies.end()) continue;
    // A vendor without a problem still gets one passed case: a CI's test report then shows
    // what ran (a JUnit file of zero tests reads as "no tests found", and fails some CIs).
    const bool has_case = std::any_of(run.cases.begin(), run.cases.end(),
                                      [&](const CaseResult& c) { return c.vendor == manifest.id; });
    if (!has_case) {
      CaseResult clean;
      clean.vendor = manifest.id;
      clean.name = "fuzz seed " + std::to_string(outcome.seed) + ": " +
                   std::to_string(tally->second.sent) + " examples (" +
                   std::to_string(tally->second.exchanges) + " exchanges), no problem";
      clean.tags = {"fuzz"};
      run.cases.push_back(std::move(clean));
    }
    VendorCoverage coverage;
    coverage.vendor = manifest.id;
    for (const contracts::MessageSpec& message : manifest.messages) {
      if (message.id.kind != MessageId::Kind::response || message.id.status == "default") continue;
      const auto seen = tally->second.statuses.find(std::atoi(message.id.status.c_str()));
      const bool success = message.id.status[0] == '2';
      coverage.items.push_back(
          {success ? "status" : "error-envelope", message.id.status,
           seen == tally->second.statuses.end() ? 0 : static_cast<int>(seen->second)});
    }
    const auto counted = [](const std::map<std::string, std::uint64_t>& counts,
                            const std::string& key) {
      const auto seen = counts.find(key);
      return seen == counts.end() ? 0 : static_cast<int>(seen->second);
    };
    for (const std::string& media_type : manifest.request_media_types) {
      coverage.items.push_back(
          {"request-media-type", media_type, counted(tally->second.media_types, media_type)});
    }
    for (const std::string& media_type : manifest.request_media_types) {
      coverage.items.push_back({"invalid-body-media-type", media_type,
                                counted(tally->second.invalid_body_media_types, media_type)});
    }
    for (const generate::Covered& covered : fuzz_plan(*fuzzed)) {
      const std::string key = covered.keyword + " " +
                              (covered.pointer.empty() ? "/" : covered.pointer) + " " +
                              covered.detail;
      coverage.items.push_back({"keyword", key, counted(tally->second.covered, key)});
    }
    run.coverage.push_back(std::move(coverage));
  }
  return run;
}

}  // namespace conform::fuzz
