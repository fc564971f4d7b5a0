#include "report/report_json_reader.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>

#include "codec/json_number.hpp"
#include "codec/rapidjson.hpp"
#include "codec/text_position.hpp"
#include "report/json_writer.hpp"
#include "report/reports.hpp"
#include "text/file_bytes.hpp"

namespace conform::report {
namespace {

using rapidjson::Value;

// Reads one document, carrying the file name and the JSON Pointer of what it reads so
// every error says where the report is broken.
class Reader {
 public:
  explicit Reader(std::string name) : name_(std::move(name)) {}

  [[noreturn]] void fail(const std::string& pointer, const std::string& what) const {
    throw std::runtime_error(name_ + ": " + (pointer.empty() ? "" : pointer + ": ") + what);
  }

  const Value* find(const Value& object, const std::string& pointer, const char* key) const {
    if (!object.IsObject()) fail(pointer, "expected an object");
    const auto it = object.FindMember(key);
    return it == object.MemberEnd() ? nullptr : &it->value;
  }

  std::string text(const Value& object, const std::string& pointer, const char* key) const {
    const Value* v = find(object, pointer, key);
    if (!v) return {};
    if (!v->IsString()) fail(pointer + "/" + key, "expected a string");
    return std::string(v->GetString(), v->GetStringLength());
  }

  double number(const Value& object, const std::string& pointer, const char* key) const {
    const Value* v = find(object, pointer, key);
    if (!v) return 0;
    if (!v->IsNumber()) fail(pointer + "/" + key, "expected a number");
    return v->GetDouble();
  }

  int integer(const Value& object, const std::string& pointer, const char* key) const {
    const Value* v = find(object, pointer, key);
    if (!v) return 0;
    if (!v->IsInt()) fail(pointer + "/" + key, "expected an integer");
    return v->GetInt();
  }

  std::optional<std::uint64_t> unsigned_integer(const Value& object, const std::string& pointer,
                                                const char* key) const {
    const Value* v = find(object, pointer, key);
    if (!v) return std::nullopt;
    if (!v->IsUint64()) fail(pointer + "/" + key, "expected an integer from 0");
    return v->GetUint64();
  }

  bool boolean(const Value& object, const std::string& pointer, const char* key) const {
    const Value* v = find(object, pointer, key);
    if (!v) return false;
    if (!v->IsBool()) fail(pointer + "/" + key, "expected true or false");
    return v->GetBool();
  }

  // Calls `each(item, item_pointer)` for every item of the array at `key` (absent: none).
  template <typename Each>
  void array(const Value& object, const std::string& pointer, const char* key, Each each) const {
    const Value* v = find(object, pointer, key);
    if (!v) return;
    const std::string here = pointer + "/" + key;
    if (!v->IsArray()) fail(here, "expected an array");
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
      each((*v)[i], here + "/" + std::to_string(i));
    }
  }

  Outcome outcome(const Value& object, const std::string& pointer) const {
    const std::string name = text(object, pointer, "outcome");
    for (const Outcome o : {Outcome::passed, Outcome::failed, Outcome::error, Outcome::skipped}) {
      if (name == to_string(o)) return o;
    }
    fail(pointer + "/outcome", "expected passed, failed, error or skipped, got \"" + name + "\"");
  }

  Headers headers(const Value& object, const std::string& pointer, const char* key) const {
    Headers list;
    array(object, pointer, key, [&](const Value& item, const std::string& at) {
      list.emplace_back(text(item, at, "name"), text(item, at, "value"));
    });
    return list;
  }

  Finding finding(const Value& v, const std::string& at) const {
    Finding f;
    f.severity = text(v, at, "severity") == "warning" ? Severity::warning : Severity::error;
    f.keyword = text(v, at, "keyword");
    f.message = text(v, at, "message");
    f.pointer = text(v, at, "pointer");
    f.schema_path = text(v, at, "schema_path");
    f.xpath = text(v, at, "xpath");
    f.line = integer(v, at, "line");
    f.column = integer(v, at, "column");
    f.length = integer(v, at, "length");
    if (find(v, at, "expected")) f.expected = text(v, at, "expected");
    if (find(v, at, "actual")) f.actual = text(v, at, "actual");
    return f;
  }

  StepResult step(const Value& v, const std::string& at) const {
    StepResult s;
    s.name = text(v, at, "name");
    s.outcome = outcome(v, at);
    if (const Value* e = find(v, at, "exchange")) {
      const std::string here = at + "/exchange";
      s.exchange.method = text(*e, here, "method");
      s.exchange.url = text(*e, here, "url");
      s.exchange.request_headers = headers(*e, here, "request_headers");
      s.exchange.request_body = text(*e, here, "request_body");
      s.exchange.status = integer(*e, here, "status");
      s.exchange.response_headers = headers(*e, here, "response_headers");
      s.exchange.response_body = text(*e, here, "response_body");
      s.exchange.duration_ms = number(*e, here, "duration_ms");
    }
    array(v, at, "findings",
          [&](const Value& item, const std::string& p) { s.findings.push_back(finding(item, p)); });
    s.curl = text(v, at, "curl");
    return s;
  }

  CaseResult case_result(const Value& v, const std::string& at) const {
    CaseResult c;
    c.vendor = text(v, at, "vendor");
    c.name = text(v, at, "name");
    c.file = text(v, at, "file");
    array(v, at, "tags", [&](const Value& tag, const std::string& p) {
      if (!tag.IsString()) fail(p, "expected a string");
      c.tags.emplace_back(tag.GetString(), tag.GetStringLength());
    });
    c.outcome = outcome(v, at);
    c.duration_ms = number(v, at, "duration_ms");
    c.reproduce = text(v, at, "reproduce");
    array(v, at, "steps",
          [&](const Value& item, const std::string& p) { c.steps.push_back(step(item, p)); });
    return c;
  }

  VendorCoverage coverage(const Value& v, const std::string& at) const {
    VendorCoverage vendor;
    vendor.vendor = text(v, at, "vendor");
    array(v, at, "items", [&](const Value& item, const std::string& p) {
      vendor.items.push_back(
          {text(item, p, "kind"), text(item, p, "value"), integer(item, p, "exchanges")});
    });
    return vendor;
  }

  RunResult run(const Value& root) const {
    if (!root.IsObject()) fail("", "not a conform report (expected a JSON object)");
    if (text(root, "", "format") != kReportFormat) {
      fail("", std::string("not a conform report (no \"format\": \"") + kReportFormat + "\")");
    }
    const int version = integer(root, "", "version");
    if (version < 1 || version > kReportVersion) {
      fail("/version", "unsupported report version " + std::to_string(version) +
                           " (this conform reads up to " + std::to_string(kReportVersion) + ")");
    }
    RunResult r;
    r.target = text(root, "", "target");
    r.started_at = text(root, "", "started_at");
    r.seed = unsigned_integer(root, "", "seed");
    r.duration_ms = number(root, "", "duration_ms");
    r.interrupted = boolean(root, "", "interrupted");
    array(root, "", "cases", [&](const Value& item, const std::string& p) {
      r.cases.push_back(case_result(item, p));
    });
    array(root, "", "coverage", [&](const Value& item, const std::string& p) {
      r.coverage.push_back(coverage(item, p));
    });
    return r;
  }

 private:
  std::string name_;
};

}  // namespace

RunResult parse_report_json(std::string_view text, const std::string& name) {
  rapidjson::Document document;
  const rapidjson::ParseResult parsed = codec::parse_json_text(document, text);
  if (parsed.IsError()) {
    const codec::TextPosition at = codec::position_of(text, parsed.Offset());
    throw std::runtime_error(name + ":" + std::to_string(at.line) + ":" +
                             std::to_string(at.column) +
                             ": not valid JSON: " + rapidjson::GetParseError_En(parsed.Code()));
  }
  return Reader(name).run(document);
}

RunResult read_report_json(const std::filesystem::path& file) {
  const auto content = text::read_file_bytes(file);
  if (!content) throw std::runtime_error(file.string() + ": cannot read the file");
  return parse_report_json(*content, file.string());
}

}  // namespace conform::report
