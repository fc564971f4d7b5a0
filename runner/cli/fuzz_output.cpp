#include "cli/fuzz_output.hpp"

#include <cstdio>
#include <filesystem>
#include <map>

#include "cli/case_run_options.hpp"
#include "cli/command.hpp"
#include "fuzz/case.hpp"
#include "json/string_escape.hpp"
#include "replay/case_loader.hpp"
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
