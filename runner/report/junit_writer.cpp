#include "report/junit_writer.hpp"

#include <pugixml.hpp>
#include <sstream>
#include <string>

#include "report/atomic_file.hpp"
#include "report/duration.hpp"
#include "report/redaction.hpp"
#include "report/totals.hpp"
#include "text/utf8.hpp"

namespace conform::report {
namespace {

// Attribute and text values pass through text::printable_text: pugixml escapes markup but
// copies control characters and invalid UTF-8 as they are.
void attribute(pugi::xml_node node, const char* name, std::string_view value) {
  node.append_attribute(name).set_value(text::printable_text(value).c_str());
}

void attribute(pugi::xml_node node, const char* name, int value) {
  node.append_attribute(name).set_value(value);
}

void counts(pugi::xml_node node, const Totals& totals) {
  attribute(node, "tests", totals.cases);
  attribute(node, "failures", totals.failed);
  attribute(node, "errors", totals.errors);
  attribute(node, "skipped", totals.skipped);
}

std::string where(const Finding& f) {
  std::string at = f.pointer.empty() ? "(payload)" : f.pointer;
  if (!f.xpath.empty()) at += " " + f.xpath;
  if (f.line > 0)
    at += " (line " + std::to_string(f.line) + ", column " + std::to_string(f.column) + ")";
  return at;
}

// "file.json" stem: CI systems group test cases by class name.
std::string class_name(const CaseResult& result) {
  const std::string stem = std::filesystem::path(result.file).stem().string();
  return stem.empty() ? result.vendor : result.vendor + "." + stem;
}

}  // namespace

std::string first_problem(const CaseResult& result) {
  for (const auto& step : result.steps) {
    for (const auto& f : step.findings) {
      if (f.severity == Severity::error) {
        return (f.pointer.empty() ? "" : f.pointer + ": ") + f.message;
      }
    }
  }
  return std::string("case ") + to_string(result.outcome);
}

std::string skip_reason(const CaseResult& result) {
  for (const auto& step : result.steps) {
    for (const auto& f : step.findings) {
      if (f.keyword == "not-applicable") return f.message;
    }
  }
  return {};
}

std::string failure_text(const CaseResult& result) {
  std::ostringstream out;
  if (!result.reproduce.empty()) out << "run it again: " << result.reproduce << "\n";
  for (const auto& step : result.steps) {
    if (step.outcome == Outcome::passed || step.outcome == Outcome::skipped) continue;
    const Exchange& e = step.exchange;
    out << "step \"" << step.name << "\" " << to_string(step.outcome) << ": " << e.method << " "
        << e.url << " -> " << (e.status ? std::to_string(e.status) : "no response") << "\n";
    for (const auto& f : step.findings) {
      out << "  " << to_string(f.severity) << " [" << f.keyword << "] " << where(f) << ": "
          << f.message << "\n";
      if (f.expected) out << "    expected: " << *f.expected << "\n";
      if (f.actual) out << "    actual:   " << *f.actual << "\n";
    }
    if (!step.curl.empty()) out << "  reproduce: " << step.curl << "\n";
  }
  return out.str();
}

std::string render_junit(const RunResult& run) {
  return render_junit_of_redacted(redact_secrets(run));
}

std::string render_junit_of_redacted(const RunResult& run) {
  pugi::xml_document document;
  auto declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version").set_value("1.0");
  declaration.append_attribute("encoding").set_value("UTF-8");

  auto suites = document.append_child("testsuites");
  attribute(suites, "name", "conform");
  counts(suites, totals_of(run));
  attribute(suites, "time", seconds(run.duration_ms));
  if (!run.started_at.empty()) attribute(suites, "timestamp", run.started_at);

  for (const auto& [vendor, totals] : totals_by_vendor(run)) {
    auto suite = suites.append_child("testsuite");
    attribute(suite, "name", vendor);
    counts(suite, totals);
    attribute(suite, "time", seconds(totals.duration_ms));
    if (!run.started_at.empty()) attribute(suite, "timestamp", run.started_at);
    auto properties = suite.append_child("properties");
    auto target = properties.append_child("property");
    attribute(target, "name", "target");
    attribute(target, "value", run.target);
    if (run.seed) {
      auto seed = properties.append_child("property");
      attribute(seed, "name", "seed");
      attribute(seed, "value", std::to_string(*run.seed));
    }
    if (run.interrupted) {
      // Partial results: a CI reader must not mistake them for a complete run.
      auto interrupted = properties.append_child("property");
      attribute(interrupted, "name", "interrupted");
      attribute(interrupted, "value", "true");
    }
    for (const auto& result : run.cases) {
      if (result.vendor != vendor) continue;
      auto testcase = suite.append_child("testcase");
      attribute(testcase, "name", result.name);
      attribute(testcase, "classname", class_name(result));
      if (!result.file.empty()) attribute(testcase, "file", result.file);
      attribute(testcase, "time", seconds(result.duration_ms));
      switch (result.outcome) {
        case Outcome::passed:
          break;
        case Outcome::skipped: {
          auto skipped = testcase.append_child("skipped");
          if (const std::string reason = skip_reason(result); !reason.empty()) {
            attribute(skipped, "message", text::truncate_utf8(reason, 500));
          }
          break;
        }
        case Outcome::failed:
        case Outcome::error: {
          const bool failed = result.outcome == Outcome::failed;
          auto problem = testcase.append_child(failed ? "failure" : "error");
          attribute(problem, "message", text::truncate_utf8(first_problem(result), 500));
          attribute(problem, "type", failed ? "assertion" : "error");
          problem.text().set(text::printable_text(failure_text(result)).c_str());
          break;
        }
      }
    }
  }
  std::ostringstream out;
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

void write_junit_report(const RunResult& run, const std::filesystem::path& file) {
  write_file_atomically(file, render_junit(run));
}

}  // namespace conform::report
