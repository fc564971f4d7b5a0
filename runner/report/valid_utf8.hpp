// A run's results with every text well-formed UTF-8: response bodies, headers and findings
// come from outside (a server may answer in Latin-1 or with binary), and no report may
// contain invalid UTF-8 (a JSON or XML reader refuses the whole file for one byte).
#pragma once

#include "model/case_result.hpp"

namespace conform::report {

// Each byte that is not part of a well-formed UTF-8 sequence becomes U+FFFD.
RunResult with_valid_utf8(RunResult run);

}  // namespace conform::report
