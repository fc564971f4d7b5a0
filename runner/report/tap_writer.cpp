#include "report/tap_writer.hpp"

#include <sstream>

#include "codec/rapidjson.hpp"
#include "report/atomic_file.hpp"
#include "report/duration.hpp"
#include "report/junit_writer.hpp"
#include "report/redaction.hpp"
#include "text/utf8.hpp"

namespace conform::report {
namespace {

// A JSON string is a valid YAML double-quoted scalar, escapes included.
std::string yaml_string(std::string_view text) {
  const std::string clean = conform::text::printable_text(text);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

// A test point's description may not hold '#' (it starts a directive) or a line break.
std::string description(std::string_view text) {
  std::string out;
  for (const char c : conform::text::printable_text(text)) {
    if (c == '#') {
      out += "\\#";
    } else if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string render_tap(const RunResult& run) { return render_tap_of_redacted(redact_secrets(run)); }

std::string render_tap_of_redacted(const RunResult& run) {
  std::ostringstream out;
  out << "TAP version 14\n1.." << run.cases.size() << "\n";
  std::size_t number = 0;
  for (const auto& result : run.cases) {
    ++number;
    const bool ok = result.outcome == Outcome::passed || result.outcome == Outcome::skipped;
    out << (ok ? "ok " : "not ok ") << number << " - " << description(result.vendor) << ": "
        << description(result.name);
    if (result.outcome == Outcome::skipped) {
      out << " # SKIP";
      if (const std::string reason = skip_reason(result); !reason.empty()) {
        out << " " << description(reason);
      }
    }
    out << "\n";
    if (ok) continue;
    out << "  ---\n"
        << "  outcome: " << to_string(result.outcome) << "\n"
        << "  message: " << yaml_string(first_problem(result)) << "\n"
        << "  file: " << yaml_string(result.file) << "\n"
        << "  duration_s: " << seconds(result.duration_ms) << "\n"
        << "  details: " << yaml_string(failure_text(result)) << "\n"
        << "  ...\n";
  }
  if (run.interrupted) out << "Bail out! interrupted: partial results\n";
  return out.str();
}

void write_tap_report(const RunResult& run, const std::filesystem::path& file) {
  write_file_atomically(file, render_tap(run));
}

}  // namespace conform::report
