// result_json: one PayloadResult as one line of JSON (validate --output json, NDJSON).
#pragma once

#include <string>

#include "model/result.hpp"

namespace conform::cli {

// {"file":…,"line":…,"valid":…,"findings":[{"severity","pointer","line","column","keyword",
//  "message","expected","actual","xpath","schema_path"}]} — field names are a stable contract.
std::string result_to_json(const PayloadResult& result);

}  // namespace conform::cli
