#include "cli/result_json.hpp"

#include "codec/rapidjson.hpp"

namespace conform::cli {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void write_finding(Writer& w, const Finding& f) {
  w.StartObject();
  write_string(w, "severity", to_string(f.severity));
  write_string(w, "pointer", f.pointer);
  if (f.line > 0) {
    w.Key("line");
    w.Int(f.line);
    w.Key("column");
    w.Int(f.column);
  }
  if (!f.xpath.empty()) write_string(w, "xpath", f.xpath);
  write_string(w, "keyword", f.keyword);
  write_string(w, "message", f.message);
  if (f.expected) write_string(w, "expected", *f.expected);
  if (f.actual) write_string(w, "actual", *f.actual);
  if (!f.schema_path.empty()) write_string(w, "schema_path", f.schema_path);
  w.EndObject();
}

}  // namespace

std::string result_to_json(const PayloadResult& result) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  write_string(w, "file", result.file);
  if (result.line > 0) {
    w.Key("line");
    w.Uint64(result.line);
  }
  w.Key("valid");
  w.Bool(result.valid);
  w.Key("findings");
  w.StartArray();
  for (const auto& f : result.findings) write_finding(w, f);
  w.EndArray();
  if (result.more_findings > 0) {
    w.Key("more_findings");
    w.Uint64(result.more_findings);
    write_string(w, "more_findings_message", more_findings_text(result.more_findings));
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace conform::cli
