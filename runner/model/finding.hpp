// Finding: the one error type. Every problem conform reports is one of these.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace conform {

enum class Severity { error, warning };

// Where a finding points and what it says. Parse errors, schema violations, XML rules,
// failed assertions and transport errors are all Findings; reports and the console only
// render them.
struct Finding {
  Severity severity = Severity::error;
  // JSON Pointer into the decoded value ("" is the whole payload).
  std::string pointer;
  // The schema location that failed, as a JSON Pointer into the schema
  // ("/properties/tags/maxProperties"); empty when no schema was involved.
  std::string schema_path;
  // XPath with indices for XML payloads (/UsersEditModels/NotificationEmails/string[2]);
  // for form bodies, the key and its position ("reports[2]").
  std::string xpath;
  // 1-based position in the source bytes; 0 when unknown.
  int line = 0;
  int column = 0;
  // Characters under the caret in text output; 0 means 1.
  int length = 0;
  // The schema keyword or rule that failed: "required", "additionalProperties",
  // "format", "syntax", "xml-order", "assert", "transport", ...
  std::string keyword;
  // One line in plain words.
  std::string message;
  std::optional<std::string> expected;
  std::optional<std::string> actual;
};

using Findings = std::vector<Finding>;

const char* to_string(Severity severity);

// An error about the value at `pointer` with no position yet (the caller's source map, if
// any, places it later).
Finding error_at(std::string pointer, std::string keyword, std::string message);

// True when any finding is an error (warnings alone leave a payload valid).
bool has_errors(const Findings& findings);

// The members a "required" finding says are missing: one finding names every member missing
// from one object, in `expected`, ", " between them.
std::vector<std::string> missing_members(const Finding& finding);

}  // namespace conform
