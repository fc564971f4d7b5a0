// report.json: everything a replay produced, machine-readable, with the stable field names
// documented in docs/report-json.md. read_report_json (json_reader.hpp) reads it back.
#pragma once

#include <filesystem>
#include <string>

#include "model/case_result.hpp"

namespace conform::report {

// "conform-report", version 1: what a reader checks before trusting the fields.
inline constexpr const char* kReportFormat = "conform-report";
inline constexpr int kReportVersion = 1;

// The report as one JSON document (UTF-8; invalid bytes in bodies become U+FFFD).
std::string render_json(const RunResult& run);

// The same for a run that already passed redact_secrets (write_reports redacts once for
// every writer).
std::string render_json_of_redacted(const RunResult& run);

// Writes render_json(run) to `file` atomically. Throws std::runtime_error naming the path.
void write_json_report(const RunResult& run, const std::filesystem::path& file);

}  // namespace conform::report
