// case: one generated example as a replay case: the update alone, or (for valid
// examples) one of the stateful sequences: update then read back, the same update twice,
// the update of an unknown user. The case runs in memory and, saved, as a case file.
#pragma once

#include <cstdint>
#include <string>

#include "fuzz/target.hpp"
#include "generate/generator.hpp"
#include "replay/case.hpp"

namespace conform::fuzz {

// Example `index` of `target`: first one per request violation (a valid body sent with a
// violation outside it), then the generator's examples.
generate::Example fuzz_example(const FuzzTarget& target, std::uint64_t index);

// Every keyword case of the plan, request violations first (the coverage summary's rows).
std::vector<generate::Covered> fuzz_plan(const FuzzTarget& target);

// The media type the first request of `test_case` declares.
std::string media_type_of(const replay::Case& test_case);

// Which sequence a valid example is sent in: planned examples are read back (where the
// vendor has a read); drawn ones take each sequence in turn by their number.
enum class Sequence { update, read_back, twice, unknown_user };
Sequence sequence_of(const FuzzTarget& target, const generate::Example& example);

replay::Case fuzz_case(const FuzzTarget& target, const generate::Example& example,
                       std::uint64_t seed);

// The case as a case file (cases/case.schema.json), for --save-failures and --dry-run.
std::string case_file_text(const replay::Case& test_case);

}  // namespace conform::fuzz
