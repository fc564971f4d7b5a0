// FuzzTarget: one vendor's operation as `conform fuzz` sends it: the generator over its
// request schema, where the user's id and body credentials go (as ${...} placeholders the
// replay executor fills), the documented statuses a valid and an invalid request may get,
// and each example turned into a replay case (to run) or a case file (to save).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "codec/rapidjson.hpp"
#include "contracts/catalog.hpp"
#include "generate/generator.hpp"
#include "replay/case.hpp"

namespace conform::cli {

struct FuzzTarget {
  const contracts::Manifest* manifest = nullptr;
  std::shared_ptr<const schema::Schema> request_schema;
  std::unique_ptr<generate::Generator> generator;
  std::string path;  // the endpoint path, the user's id as ${user_id}
  std::vector<std::pair<std::string, std::string>> query;  // required parameters
  std::vector<int> success_statuses;                       // documented 2xx
  std::vector<int> client_error_statuses;                  // documented 4xx (every 4xx
                                                           // when a default covers them)
};

// The target of `manifest`; CannotRun when its request cannot be generated.
FuzzTarget fuzz_target(const contracts::Catalog& catalog, const contracts::Manifest& manifest,
                       std::uint64_t seed);

// Example `example` as a replay case: one step, expecting a documented success status
// (valid) or a documented client error (invalid), its response checked by the vendor's schema.
replay::Case fuzz_case(const FuzzTarget& target, const generate::Example& example,
                       std::uint64_t seed);

// The case as a case file (cases/case.schema.json), for --save-failures and --dry-run.
std::string case_file_text(const replay::Case& test_case);

}  // namespace conform::cli
