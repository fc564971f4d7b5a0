// fuzz_output: what `conform fuzz` gives back: the dry run's NDJSON, one line per problem
// with the command that replays it, the summary with the seed, the replay reports with what
// the examples covered, and the exit code (fuzz/saved_cases writes the case files, and
// fuzz/run_result builds the run the reports show).
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "contracts/catalog.hpp"
#include "fuzz/session.hpp"
#include "fuzz/target.hpp"
#include "model/case_result.hpp"
#include "replay/executor.hpp"

namespace conform::cli {

// The one-line command that sends one example again.
struct ReproduceCommand {
  std::uint64_t seed = 0;
  std::string target;        // "mock" or a URL
  std::string mock_profile;  // the embedded mock's profile
  bool fixtures = false;     // --fixtures: the mock's credentials with a URL target
  // The variable options as given (--vars-file, --var), shell-quoted; each --secret-var's
  // value is left for the user to give again.
  std::string variables;
  std::string line(const std::string& vendor, std::uint64_t example) const;
};

// Each example as one JSON line: vendor, example number, valid, what it covers, the case.
void print_dry_run(std::ostream& out, const std::vector<const fuzz::FuzzTarget*>& targets,
                   const fuzz::FuzzSettings& settings);

void print_problems(std::ostream& out, const fuzz::FuzzOutcome& outcome,
                    const ReproduceCommand& reproduce);

// One line per vendor, then "seed N: ..." with the totals and the exchanges per second.
void print_fuzz_summary(std::ostream& out, const fuzz::FuzzOutcome& outcome,
                        const std::vector<const fuzz::FuzzTarget*>& targets, std::uint64_t seed);

// 0 no failure; 1 a failure; 2 nothing answered at all.
int fuzz_exit_code(const fuzz::FuzzOutcome& outcome);

// Each vendor's cases/<id>/defaults.json, by vendor id, so generated cases meet the same
// rules as the shipped ones; CannotRun when one does not load.
std::map<std::string, replay::VendorDefaults> load_vendor_defaults(
    const contracts::Catalog& catalog);

}  // namespace conform::cli
