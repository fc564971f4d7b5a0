#include "cli/fuzz_output.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "cli/case_run_options.hpp"
#include "cli/command.hpp"
#include "codec/json_text.hpp"
#include "fuzz/case.hpp"
#include "json/string_escape.hpp"
#include "replay/case_loader.hpp"
#include "replay/run.hpp"
#include "text/terminal.hpp"

namespace conform::cli {
using fuzz::case_file_text;
using fuzz::FuzzOutcome;
using fuzz::FuzzProblem;
using fuzz::FuzzSettings;
using fuzz::FuzzTarget;
using fuzz::FuzzVendorTally;
using fuzz::FuzzVerdict;
using fuzz::status_of;

namespace {
namespace fs = std::filesystem;

// The findings printed under a problem; the reports hold every one.
constexpr std::size_t kFindingsShown = 10;

std::string rate(double exchanges, double ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", ms > 0 ? exchanges * 1000.0 / ms : 0.0);
  return text;
}

}  // namespace

std::string ReproduceCommand::line(const std::string& vendor, std::uint64_t example) const {
  std::string out = "conform fuzz " + vendor + " --seed " + std::to_string(seed) + " --example " +
                    std::to_string(example);
  if (target != "mock") out += " --target " + target + (fixtures ? " --fixtures" : "");
  out += variables;
  if (target == "mock" && mock_profile != "default") out += " --mock-profile " + mock_profile;
  return out;
}

void print_dry_run(std::ostream& out, const std::vector<const FuzzTarget*>& targets,
                   const FuzzSettings& settings) {
  for (const FuzzTarget* target : targets) {
    const std::uint64_t first = settings.only_example.value_or(0);
    const std::uint64_t end = settings.only_example ? first + 1 : settings.examples;
    for (std::uint64_t i = first; i < end; ++i) {
      const generate::Example example = fuzz_example(*target, i);
      std::string text = case_file_text(fuzz_case(*target, example, settings.seed));
      text.pop_back();  // the newline
      out << "{\"vendor\":"
          << "\"" << json::json_escape(target->manifest->id) << "\",\"example\":" << i
          << ",\"valid\":" << (example.valid ? "true" : "false") << ",\"case\":" << text << "}\n";
    }
  }
}

void print_problems(std::ostream& out, const FuzzOutcome& outcome,
                    const ReproduceCommand& reproduce) {
  for (const FuzzProblem& problem : outcome.problems) {
    const CaseResult& result = problem.result;
    std::string line;
    if (problem.verdict == FuzzVerdict::accepted_invalid) {
      line = "warning: " + problem.vendor + " example " + std::to_string(problem.example) +
             ": the vendor accepts what the contract forbids: " + result.name + " (status " +
             std::to_string(status_of(result)) + ")";
    } else {
      const Finding* finding = fuzz::first_error(result);
      line = "FAIL " + problem.vendor + " example " + std::to_string(problem.example) + " (" +
             (problem.valid_example ? "valid" : "invalid") + " request, status " +
             std::to_string(status_of(result)) + "): " +
             (finding ? (finding->pointer.empty() ? "" : finding->pointer + ": ") + finding->message
                      : std::string(to_string(result.outcome)));
    }
    out << text::escape_for_terminal(line) << "\n  " << problem.count
        << (problem.count == 1 ? " example" : " examples") << "; shrunk to " << problem.edits.size()
        << " changed member" << (problem.edits.size() == 1 ? "" : "s") << "; reproduce: "
        << text::escape_for_terminal(reproduce.line(problem.vendor, problem.example)) << "\n";
    // Every finding of the shrunk exchange: one problem may be several changes at once.
    std::size_t shown = 0;
    for (const StepResult& step : result.steps) {
      for (const Finding& finding : step.findings) {
        if (finding.severity != Severity::error || ++shown > kFindingsShown) continue;
        out << "    " << text::escape_for_terminal(step.name.empty() ? "" : step.name + ": ")
            << text::escape_for_terminal(finding.pointer.empty() ? "(body)" : finding.pointer)
            << " [" << text::escape_for_terminal(finding.keyword) << "] "
            << text::escape_for_terminal(finding.message) << "\n";
      }
    }
    if (shown > kFindingsShown) out << "    ... " << shown - kFindingsShown << " more\n";
  }
  if (outcome.unlisted > 0) {
    out << outcome.unlisted << " more exchanges failed with problems beyond the first "
        << outcome.problems.size() << "\n";
  }
}

void print_fuzz_summary(std::ostream& out, const FuzzOutcome& outcome,
                        const std::vector<const FuzzTarget*>& targets, std::uint64_t seed) {
  std::uint64_t sent = 0, failed = 0, warned = 0;
  for (const FuzzTarget* target : targets) {
    const auto found = outcome.tallies.find(target->manifest->id);
    if (found == outcome.tallies.end()) continue;
    const FuzzVendorTally& tally = found->second;
    sent += tally.exchanges;
    failed += tally.failed;
    warned += tally.accepted_invalid;
    out << target->manifest->id << ": " << tally.sent
        << (tally.sent == 1 ? " example (" : " examples (") << tally.exchanges << " exchanges), "
        << tally.passed << " passed, " << tally.failed << " failed, " << tally.accepted_invalid
        << " accepted invalid; covered " << tally.covered.size() << " of " << target->planned()
        << " planned cases\n";
  }
  out << "seed " << seed << ": " << sent << " exchanges, " << failed << " failed, " << warned
      << " warnings, in " << rate(outcome.duration_ms, 1000.0) << " ms ("
      << rate(static_cast<double>(sent), outcome.duration_ms) << " exchanges/s)"
      << (outcome.stopped_early ? "; stopped early" : "") << "\n";
}

RunResult fuzz_run_result(const FuzzOutcome& outcome, const std::vector<const FuzzTarget*>& targets,
                          const std::string& target) {
  RunResult run;
  run.target = target;
  run.started_at = replay::utc_now_rfc3339();
  run.duration_ms = outcome.duration_ms;
  run.interrupted = outcome.stopped_early;
  run.seed = outcome.seed;
  for (const FuzzProblem& problem : outcome.problems) {
    CaseResult result = problem.result;
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

int fuzz_exit_code(const FuzzOutcome& outcome) {
  std::uint64_t sent = 0, failed = 0, unanswered = 0;
  for (const auto& [vendor, tally] : outcome.tallies) {
    sent += tally.sent;
    failed += tally.failed;
    const auto none = tally.statuses.find(0);
    if (none != tally.statuses.end()) unanswered += none->second;
  }
  if (sent > 0 && unanswered == sent) return kExitCannotRun;
  return failed > 0 ? kExitFindings : kExitOk;
}

std::map<std::string, replay::VendorDefaults> load_vendor_defaults(
    const contracts::Catalog& catalog) {
  std::map<std::string, replay::VendorDefaults> out;
  const auto loader = load_case_loader(catalog);
  for (const auto& manifest : catalog.vendors()) {
    const fs::path file = cases_location(catalog) / manifest.id / "defaults.json";
    if (!fs::exists(file)) continue;
    auto loaded = loader->load_defaults(file);
    if (!loaded.value)
      throw CannotRun("cannot use " + file.string() + ": fix it with conform lint");
    out[manifest.id] = std::move(*loaded.value);
  }
  return out;
}

}  // namespace conform::cli
