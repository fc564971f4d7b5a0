#include "fuzz/session.hpp"

#include <chrono>
#include <memory>

#include "fuzz/case.hpp"
#include "generate/variants.hpp"
#include "replay/run.hpp"
#include "schema/node.hpp"

namespace conform::fuzz {
namespace {

using Clock = std::chrono::steady_clock;

// Distinct problems kept (each shrunk, printed, saved); the exchanges of any further ones
// are counted only, so a run of any length keeps bounded memory.
constexpr std::size_t kMaxProblems = 100;

// What makes two problems the same: for a failure, the first finding's keyword and place;
// for an invalid request accepted, the violation it carried.
std::string signature(FuzzVerdict verdict, const CaseResult& result,
                      const generate::Covered& covered) {
  if (verdict == FuzzVerdict::accepted_invalid) {
    return "accepted|" + covered.keyword + " " + covered.pointer + " " + covered.detail;
  }
  const Finding* finding = first_error(result);
  if (!finding) return "failure|outcome " + std::string(to_string(result.outcome));
  return "failure|" + finding->keyword + " " + finding->pointer;
}

// One example, as the shrinker sends it again.
struct Trial {
  const FuzzTarget& target;
  const std::map<std::string, replay::VendorTarget>& vendor_targets;
  const contracts::Catalog& catalog;
  const FuzzSettings& settings;

  CaseResult run(const replay::Case& test_case) const {
    RunResult run = replay::run_cases({&test_case}, vendor_targets, catalog, settings.run);
    return run.cases.empty() ? CaseResult{} : std::move(run.cases.front());
  }
};

// Drops the valid edits one at a time, the last first, while the same problem stays: the
// example with the fewest members that still shows it. The violation of an invalid example
// (its last edit) stays.
void shrink(const Trial& trial, const generate::Example& example, FuzzProblem& problem) {
  problem.edits = example.edits;
  // An invalid body's violation is its last edit; a request violation has no edit at all.
  const std::size_t keep_last = example.valid || example.edits.empty() ? 0 : 1;
  std::size_t budget = trial.settings.shrink_budget;
  // Sends `edits` and keeps them when the same problem shows.
  const auto attempt = [&](std::vector<generate::Edit> edits) {
    if (budget == 0 || Clock::now() > trial.settings.run.deadline) return;
    --budget;
    generate::Example smaller = example;
    smaller.body = trial.target.generator->body(edits);
    smaller.edits = std::move(edits);
    replay::Case test_case = fuzz_case(trial.target, smaller, trial.settings.seed);
    CaseResult result = trial.run(test_case);
    const FuzzVerdict verdict = classify(example.valid, result);
    if (verdict == problem.verdict &&
        signature(verdict, result, example.covered) == problem.signature) {
      problem.edits = std::move(smaller.edits);
      problem.result = std::move(result);
      problem.shrunk = std::move(test_case);
    }
  };
  // Fewest members: drop each changed member, the last first.
  for (std::size_t i = problem.edits.size() - keep_last; i-- > 0;) {
    std::vector<generate::Edit> fewer = problem.edits;
    fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(i));
    attempt(std::move(fewer));
  }
  // Shortest values: each member left at its minimal value (shortest string, fewest items).
  const schema::Node& root = generate::resolved(trial.target.request_schema->root());
  for (std::size_t i = 0; i + keep_last < problem.edits.size(); ++i) {
    const generate::Edit& edit = problem.edits[i];
    const auto* entry = root.properties.find(edit.member.data(), edit.member.size());
    if (!edit.value || !entry || !entry->schema) continue;
    auto minimal = std::make_shared<rapidjson::Document>();
    if (!generate::VariantMaker().minimal(*entry->schema, *minimal, minimal->GetAllocator()) ||
        *minimal == *edit.value) {
      continue;
    }
    std::vector<generate::Edit> shorter = problem.edits;
    shorter[i].value = std::move(minimal);
    attempt(std::move(shorter));
  }
}

}  // namespace

const Finding* first_error(const CaseResult& result) {
  for (const StepResult& step : result.steps) {
    for (const Finding& finding : step.findings) {
      if (finding.severity == Severity::error) return &finding;
    }
  }
  return nullptr;
}

int status_of(const CaseResult& result) {
  return result.steps.empty() ? 0 : result.steps.front().exchange.status;
}

FuzzVerdict classify(bool valid_example, const CaseResult& result) {
  if (result.outcome == Outcome::passed) return FuzzVerdict::pass;
  const int status = status_of(result);
  if (valid_example || status < 200 || status >= 300) return FuzzVerdict::failure;
  // A 2xx for an invalid request is a warning only when the answer is otherwise sound: a
  // malformed or undocumented body is a failure whatever the status.
  for (const StepResult& step : result.steps) {
    for (const Finding& finding : step.findings) {
      if (finding.severity == Severity::error && finding.keyword != "status") {
        return FuzzVerdict::failure;
      }
    }
  }
  return FuzzVerdict::accepted_invalid;
}

FuzzOutcome run_fuzz(const std::vector<const FuzzTarget*>& targets,
                     const std::map<std::string, replay::VendorTarget>& vendor_targets,
                     const contracts::Catalog& catalog, const FuzzSettings& settings) {
  FuzzOutcome outcome;
  outcome.seed = settings.seed;
  const Clock::time_point started = Clock::now();
  std::map<std::string, std::size_t> known;  // vendor + signature -> index in problems
  const auto stop = [&] {
    return Clock::now() > settings.run.deadline ||
           (settings.run.interrupted && settings.run.interrupted->load());
  };
  for (const FuzzTarget* target : targets) {
    FuzzVendorTally& tally = outcome.tallies[target->manifest->id];
    const Trial trial{*target, vendor_targets, catalog, settings};
    const std::uint64_t first = settings.only_example.value_or(0);
    const std::uint64_t end = settings.only_example ? first + 1 : settings.examples;
    for (std::uint64_t start = first; start < end && !outcome.stopped_early;
         start += settings.batch) {
      if (stop()) {
        outcome.stopped_early = true;
        break;
      }
      std::vector<generate::Example> examples;
      std::vector<replay::Case> cases;
      for (std::uint64_t i = start; i < end && i < start + settings.batch; ++i) {
        examples.push_back(fuzz_example(*target, i));
        cases.push_back(fuzz_case(*target, examples.back(), settings.seed));
      }
      std::vector<const replay::Case*> selected;
      for (const replay::Case& test_case : cases) selected.push_back(&test_case);
      RunResult run = replay::run_cases(selected, vendor_targets, catalog, settings.run);
      if (run.interrupted) outcome.stopped_early = true;
      for (std::size_t k = 0; k < run.cases.size(); ++k) {
        CaseResult& result = run.cases[k];
        if (result.outcome == Outcome::skipped) {
          outcome.stopped_early = true;  // the deadline or Ctrl-C came within the batch
          continue;
        }
        const generate::Example& example = examples[k];
        ++tally.sent;
        for (const StepResult& step : result.steps) tally.exchanges += step.exchange.status != 0;
        ++tally.statuses[status_of(result)];
        const std::string media_type = media_type_of(cases[k]);
        ++tally.media_types[media_type];
        if (!example.valid && example.index >= target->request_violations.size()) {
          ++tally.invalid_body_media_types[media_type];
        }
        const generate::Covered& covered = example.covered;
        if (covered.keyword != "random") {
          ++tally.covered[covered.keyword + " " +
                          (covered.pointer.empty() ? "/" : covered.pointer) + " " + covered.detail];
        }
        const FuzzVerdict verdict = classify(example.valid, result);
        if (verdict == FuzzVerdict::pass) {
          ++tally.passed;
          continue;
        }
        ++(verdict == FuzzVerdict::failure ? tally.failed : tally.accepted_invalid);
        const std::string kind = signature(verdict, result, example.covered);
        const std::string key = target->manifest->id + "|" + kind;
        if (const auto seen = known.find(key); seen != known.end()) {
          ++outcome.problems[seen->second].count;
          continue;
        }
        if (outcome.problems.size() >= kMaxProblems) {
          ++outcome.unlisted;
          continue;
        }
        FuzzProblem problem;
        problem.vendor = target->manifest->id;
        problem.signature = kind;
        problem.verdict = verdict;
        problem.example = example.index;
        problem.count = 1;
        problem.valid_example = example.valid;
        problem.covered = example.covered;
        problem.result = std::move(result);
        problem.shrunk = std::move(cases[k]);
        shrink(trial, example, problem);
        known[key] = outcome.problems.size();
        outcome.problems.push_back(std::move(problem));
      }
    }
  }
  outcome.duration_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  return outcome;
}

}  // namespace conform::fuzz
