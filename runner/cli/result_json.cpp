#include "cli/result_json.hpp"

#include "report/json_members.hpp"

namespace conform::cli {

std::string result_to_json(const PayloadResult& result) {
  rapidjson::StringBuffer buffer;
  report::JsonWriter w(buffer);
  w.StartObject();
  report::write_member(w, "file", result.file);
  if (result.line > 0) {
    w.Key("line");
    w.Uint64(result.line);
  }
  w.Key("valid");
  w.Bool(result.valid);
  w.Key("findings");
  w.StartArray();
  report::FindingMembers known;
  known.every_member = false;
  for (const auto& f : result.findings) report::write_finding(w, f, known);
  w.EndArray();
  if (result.more_findings > 0) {
    w.Key("more_findings");
    w.Uint64(result.more_findings);
    report::write_member(w, "more_findings_message", more_findings_text(result.more_findings));
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace conform::cli
