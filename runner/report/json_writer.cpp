#include "report/json_writer.hpp"

#include "codec/rapidjson.hpp"
#include "report/atomic_file.hpp"
#include "report/json_members.hpp"
#include "report/redaction.hpp"
#include "report/totals.hpp"
#include "text/utf8.hpp"

namespace conform::report {
namespace {

using Writer = JsonWriter;

void totals(Writer& w, const Totals& t) {
  w.StartObject();
  write_member(w, "cases", t.cases);
  write_member(w, "passed", t.passed);
  write_member(w, "failed", t.failed);
  write_member(w, "errors", t.errors);
  write_member(w, "skipped", t.skipped);
  w.EndObject();
}

void headers(Writer& w, const char* name, const Headers& list) {
  w.Key(name);
  w.StartArray();
  for (const auto& [key, value] : list) {
    w.StartObject();
    write_member(w, "name", key);
    write_member(w, "value", value);
    w.EndObject();
  }
  w.EndArray();
}

void exchange(Writer& w, const Exchange& e) {
  w.StartObject();
  write_member(w, "method", e.method);
  write_member(w, "url", e.url);
  headers(w, "request_headers", e.request_headers);
  write_member(w, "request_body", e.request_body);
  write_member(w, "status", e.status);
  headers(w, "response_headers", e.response_headers);
  write_member(w, "response_body", e.response_body);
  write_member(w, "duration_ms", e.duration_ms);
  w.EndObject();
}

void step(Writer& w, const StepResult& s) {
  w.StartObject();
  write_member(w, "name", s.name);
  write_member(w, "outcome", to_string(s.outcome));
  w.Key("exchange");
  exchange(w, s.exchange);
  w.Key("findings");
  w.StartArray();
  for (const auto& f : s.findings) write_finding(w, f);
  w.EndArray();
  write_member(w, "curl", s.curl);
  w.EndObject();
}

void case_result(Writer& w, const CaseResult& c) {
  w.StartObject();
  write_member(w, "vendor", c.vendor);
  write_member(w, "name", c.name);
  write_member(w, "file", c.file);
  w.Key("tags");
  w.StartArray();
  for (const auto& tag : c.tags) write_string(w, tag);
  w.EndArray();
  write_member(w, "outcome", to_string(c.outcome));
  write_member(w, "duration_ms", c.duration_ms);
  if (!c.reproduce.empty()) write_member(w, "reproduce", c.reproduce);
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
    write_member(w, "vendor", vendor.vendor);
    w.Key("items");
    w.StartArray();
    for (const auto& item : vendor.items) {
      w.StartObject();
      write_member(w, "kind", item.kind);
      write_member(w, "value", item.value);
      write_member(w, "exchanges", item.exchanges);
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
  write_member(w, "format", kReportFormat);
  write_member(w, "version", kReportVersion);
  write_member(w, "target", run.target);
  write_member(w, "started_at", run.started_at);
  if (run.seed) {
    w.Key("seed");
    w.Uint64(*run.seed);
  }
  write_member(w, "duration_ms", run.duration_ms);
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
