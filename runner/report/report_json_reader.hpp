// Reads a report.json (json_writer.hpp) back into a RunResult, for `conform report merge`
// (payload JSON is read by codec/json_reader.hpp).
#pragma once

#include <string>
#include <string_view>

#include "model/case_result.hpp"

namespace conform::report {

// Parses the text of a report.json. `name` (the file) starts every error message.
// Throws std::runtime_error: not JSON (with line and column), not a conform report, an
// unsupported version, or a field of the wrong type (with its JSON Pointer).
RunResult parse_report_json(std::string_view text, const std::string& name);

}  // namespace conform::report
