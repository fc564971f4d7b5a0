#include "report/json_members.hpp"

#include <cmath>
#include <string>

#include "text/utf8.hpp"

namespace conform::report {

void write_string(JsonWriter& w, std::string_view text) {
  const std::string clean = conform::text::valid_utf8(text);
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void write_member(JsonWriter& w, const char* name, std::string_view text) {
  w.Key(name);
  write_string(w, text);
}

void write_member(JsonWriter& w, const char* name, int number) {
  w.Key(name);
  w.Int(number);
}

void write_member(JsonWriter& w, const char* name, double number) {
  w.Key(name);
  w.Double(std::isfinite(number) ? number : 0.0);
}

void write_finding_members(JsonWriter& w, const Finding& f, const FindingMembers& members) {
  const bool every = members.every_member;
  if (members.verdict) {
    write_member(w, "severity", to_string(f.severity));
    write_member(w, "keyword", f.keyword);
  }
  write_member(w, members.text_name, f.message);
  write_member(w, "pointer", f.pointer);
  if (every || !f.schema_path.empty()) write_member(w, "schema_path", f.schema_path);
  if (every || !f.xpath.empty()) write_member(w, "xpath", f.xpath);
  if (every || f.line > 0) {
    write_member(w, "line", f.line);
    write_member(w, "column", f.column);
  }
  if (every || f.length > 0) write_member(w, "length", f.length);
  if (f.expected) write_member(w, "expected", *f.expected);
  if (f.actual) write_member(w, "actual", *f.actual);
}

void write_finding(JsonWriter& w, const Finding& finding, const FindingMembers& members) {
  w.StartObject();
  write_finding_members(w, finding, members);
  w.EndObject();
}

}  // namespace conform::report
