// result_json: one PayloadResult as one line of JSON (validate --output json, NDJSON).
#pragma once

#include <string>

#include "model/result.hpp"

namespace conform::cli {

// {"file":…,"line":…,"valid":…,"findings":[…]}: each finding as report::write_finding writes
// it (the names report.json uses), leaving out what is unknown (a position of 0, an empty
// XPath or schema path). Field names are a stable contract.
std::string result_to_json(const PayloadResult& result);

}  // namespace conform::cli
