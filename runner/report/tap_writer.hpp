// report.tap: the run as TAP version 14, for CI tools and harnesses that read TAP beside
// (or instead of) JUnit. One test point per case; failures carry a YAML diagnostic block.
#pragma once

#include <filesystem>
#include <string>

#include "model/case_result.hpp"

namespace conform::report {

std::string render_tap(const RunResult& run);

// The same for a run that already passed redact_secrets (write_reports redacts once for
// every writer).
std::string render_tap_of_redacted(const RunResult& run);

// Writes render_tap(run) to `file` atomically. Throws std::runtime_error naming the path.
void write_tap_report(const RunResult& run, const std::filesystem::path& file);

}  // namespace conform::report
