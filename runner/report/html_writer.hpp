// report.html: one self-contained page (inline CSS and JS, nothing fetched) for a person:
// summary counts, a table per vendor, contract coverage, filters by vendor, outcome and
// text, and each case's steps with request, response, findings and curl reproducer.
// Everything a payload holds is HTML-escaped, and a Content-Security-Policy with a
// per-file nonce lets only the report's own script run.
#pragma once

#include <filesystem>
#include <string>

#include "model/case_result.hpp"

namespace conform::report {

std::string render_html(const RunResult& run);

// The same for a run that already passed redact_secrets (write_reports redacts once for
// every writer).
std::string render_html_of_redacted(const RunResult& run);

// Writes render_html(run) to `file` atomically. Throws std::runtime_error naming the path.
void write_html_report(const RunResult& run, const std::filesystem::path& file);

}  // namespace conform::report
