#include "report/json_writer.hpp"

#include <cmath>

#include "codec/rapidjson.hpp"
#include "report/atomic_file.hpp"
#include "report/redaction.hpp"
#include "report/totals.hpp"
#include "text/utf8.hpp"

namespace conform::report {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void string(Writer& w, std::string_view text) {
  const std::string clean = conform::text::valid_utf8(text);
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void member(Writer& w, const char* name, std::string_view text) {
  w.Key(name);
  string(w, text);
}

void member(Writer& w, const char* name, double number) {
  w.Key(name);
  w.Double(std::isfinite(number) ? number : 0.0);
}

void member(Writer& w, const char* name, int number) {
  w.Key(name);
  w.Int(number);
}

void totals(Writer& w, const Totals& t) {
  w.StartObject();
  member(w, "cases", t.cases);
  member(w, "passed", t.passed);
  member(w, "failed", t.failed);
  member(w, "errors", t.errors);
  member(w, "skipped", t.skipped);
  w.EndObject();
}

void headers(Writer& w, const char* name, const Headers& list) {
  w.Key(name);
  w.StartArray();
  for (const auto& [key, value] : list) {
    w.StartObject();
    member(w, "name", key);
    member(w, "value", value);
    w.EndObject();
  }
  w.EndArray();
}

void finding(Writer& w, const Finding& f) {
  w.StartObject();
  member(w, "severity", to_string(f.severity));
  member(w, "keyword", f.keyword);
  member(w, "message", f.message);
  member(w, "pointer", f.pointer);
  member(w, "schema_path", f.schema_path);
  member(w, "xpath", f.xpath);
  member(w, "line", f.line);
  member(w, "column", f.column);
  member(w, "length", f.length);
  if (f.expected) member(w, "expected", *f.expected);
  if (f.actual) member(w, "actual", *f.actual);
  w.EndObject();
}

void exchange(Writer& w, const Exchange& e) {
  w.StartObject();
  member(w, "method", e.method);
  member(w, "url", e.url);
  headers(w, "request_headers", e.request_headers);
  member(w, "request_body", e.request_body);
  member(w, "status", e.status);
  headers(w, "response_headers", e.response_headers);
  member(w, "response_body", e.response_body);
  member(w, "duration_ms", e.duration_ms);
  w.EndObject();
}

void step(Writer& w, const StepResult& s) {
  w.StartObject();
  member(w, "name", s.name);
  member(w, "outcome", to_string(s.outcome));
  w.Key("exchange");
  exchange(w, s.exchange);
  w.Key("findings");
  w.StartArray();
  for (const auto& f : s.findings) finding(w, f);
  w.EndArray();
  member(w, "curl", s.curl);
  w.EndObject();
}

void case_result(Writer& w, const CaseResult& c) {
  w.StartObject();
  member(w, "vendor", c.vendor);
  member(w, "name", c.name);
  member(w, "file", c.file);
  w.Key("tags");
  w.StartArray();
  for (const auto& tag : c.tags) string(w, tag);
  w.EndArray();
  member(w, "outcome", to_string(c.outcome));
  member(w, "duration_ms", c.duration_ms);
  w.Key("steps");
  w.StartArray();
  for (const auto& s : c.steps) step(w, s);
  w.EndArray();
  w.EndObject();
}

void coverage(Writer& w, const std::vector<VendorCoverage>& all) {
  w.Key("coverage");
  w.StartArray();
  for (const auto& vendor : all) {
    w.StartObject();
    member(w, "vendor", vendor.vendor);
    w.Key("items");
    w.StartArray();
    for (const auto& item : vendor.items) {
      w.StartObject();
      member(w, "kind", item.kind);
      member(w, "value", item.value);
      member(w, "exchanges", item.exchanges);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string render_json(const RunResult& run) {
  return render_json_of_redacted(redact_secrets(run));
}

std::string render_json_of_redacted(const RunResult& run) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  member(w, "format", kReportFormat);
  member(w, "version", kReportVersion);
  member(w, "target", run.target);
  member(w, "started_at", run.started_at);
  member(w, "duration_ms", run.duration_ms);
  w.Key("interrupted");
  w.Bool(run.interrupted);
  w.Key("totals");
  totals(w, totals_of(run));
  w.Key("vendors");
  w.StartObject();
  for (const auto& [vendor, vendor_totals] : totals_by_vendor(run)) {
    const std::string name = text::valid_utf8(vendor);
    w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    totals(w, vendor_totals);
  }
  w.EndObject();
  w.Key("cases");
  w.StartArray();
  for (const auto& c : run.cases) case_result(w, c);
  w.EndArray();
  coverage(w, run.coverage);
  w.EndObject();
  buffer.Put('\n');
  return std::string(buffer.GetString(), buffer.GetSize());
}

void write_json_report(const RunResult& run, const std::filesystem::path& file) {
  write_file_atomically(file, render_json(run));
}

}  // namespace conform::report
