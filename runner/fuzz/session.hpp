// FuzzSession: sends each vendor's generated examples as replay cases, in batches, and
// keeps what a run of any length can afford: counts, what the examples exercised, and the
// first example of each distinct problem (shrunk), never every result.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/target.hpp"
#include "model/case_result.hpp"
#include "replay/case.hpp"
#include "replay/executor.hpp"
#include "replay/run_options.hpp"

namespace conform::fuzz {

// The first error finding of the case's steps: it names the field a problem is about.
const Finding* first_error(const CaseResult& result);

// The status of the case's first response; 0 when it got none.
int status_of(const CaseResult& result);

// What one exchange's result means for fuzzing.
enum class FuzzVerdict { pass, failure, accepted_invalid };

// A valid example passes when its case does. An invalid one passes on a documented 4xx in
// the vendor's envelope; a 2xx whose body is sound means the vendor accepts what the
// contract forbids (a warning); anything else (5xx, no answer, a malformed body) is a failure.
FuzzVerdict classify(bool valid_example, const CaseResult& result);

struct FuzzSettings {
  std::uint64_t seed = 0;
  std::uint64_t examples = 100;               // per vendor
  std::optional<std::uint64_t> only_example;  // --example: just this one
  replay::RunOptions run;                     // its deadline (--max-time) holds before each example
  std::size_t batch = 256;                    // examples per batch of cases
  std::size_t shrink_budget = 32;             // further exchanges each distinct failure may cost
};

// One distinct problem: the first example that showed it, shrunk, and how many showed it.
struct FuzzProblem {
  std::string vendor;
  std::string signature;  // "failure|<keyword> <pointer>" of the first finding
  FuzzVerdict verdict = FuzzVerdict::failure;
  std::uint64_t example = 0;
  std::uint64_t count = 0;
  std::vector<generate::Edit> edits;  // shrunk
  bool valid_example = true;
  generate::Covered covered;  // what the example exercised (its violation, if invalid)
  CaseResult result;          // of the shrunk example
  replay::Case shrunk;
};

struct FuzzVendorTally {
  std::uint64_t sent = 0, passed = 0, failed = 0, accepted_invalid = 0;  // examples
  std::uint64_t exchanges = 0;                       // requests sent (a sequence sends several)
  std::map<std::string, std::uint64_t> covered;      // "keyword pointer detail" -> exchanges
  std::map<int, std::uint64_t> statuses;             // response status -> exchanges
  std::map<std::string, std::uint64_t> media_types;  // request media type -> examples
  // request media type -> examples whose body carries a violation
  std::map<std::string, std::uint64_t> invalid_body_media_types;
};

struct FuzzOutcome {
  std::uint64_t seed = 0;
  std::map<std::string, FuzzVendorTally> tallies;  // by vendor
  std::vector<FuzzProblem> problems;               // in the order found, at most 100
  std::uint64_t unlisted = 0;                      // failed exchanges of problems beyond those kept
  bool stopped_early = false;                      // --max-time or Ctrl-C
  double duration_ms = 0;
};

// Runs every example of every target; `on_problem` hears of each new distinct problem.
// What a replay worker throws (a response schema that does not compile) comes through.
FuzzOutcome run_fuzz(const std::vector<const FuzzTarget*>& targets,
                     const std::map<std::string, replay::VendorTarget>& vendor_targets,
                     const contracts::Catalog& catalog, const FuzzSettings& settings);

}  // namespace conform::fuzz
