// json_members: text, numbers and Findings as JSON members, written the one way every JSON
// output of conform writes them (report.json, SARIF, validate --output json, drift's changes):
// UTF-8 always, a Finding's members under the same names in the same order.
#pragma once

#include <string_view>

#include "codec/rapidjson.hpp"
#include "model/finding.hpp"

namespace conform::report {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Invalid UTF-8 becomes U+FFFD: payloads, bodies and names may hold any byte.
void write_string(JsonWriter& w, std::string_view text);
void write_member(JsonWriter& w, const char* name, std::string_view text);
void write_member(JsonWriter& w, const char* name, int number);
// Not a number or infinite: 0 (JSON has neither).
void write_member(JsonWriter& w, const char* name, double number);

// What one output's finding objects hold; every output names a member the same way.
struct FindingMembers {
  // report.json: every member, zeros and empty strings too (docs/report-json.md). The
  // one-line outputs: only what is known (no position 0, empty XPath or schema path).
  bool every_member = true;
  // The member the finding's text goes under. Drift's changes say "text": their "message"
  // names the vendor's message ("response:200"), as docs/drift.md publishes.
  const char* text_name = "message";
  // severity and keyword; drift's changes say them as their own level and rule.
  bool verdict = true;
};

// The members of `finding` into an object the caller opened (so it can add its own):
// severity, keyword, message, pointer, schema_path, xpath, line, column, length, expected,
// actual (expected and actual only when known).
void write_finding_members(JsonWriter& w, const Finding& finding,
                           const FindingMembers& members = {});

// One finding as a whole object.
void write_finding(JsonWriter& w, const Finding& finding, const FindingMembers& members = {});

}  // namespace conform::report
