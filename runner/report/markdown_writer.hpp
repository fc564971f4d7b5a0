// summary.md: a run's summary for a CI job page ($GITHUB_STEP_SUMMARY, GitLab's markdown):
// a totals line, a table per vendor, coverage, and the failures with their first findings.
#pragma once

#include <filesystem>
#include <string>

#include "model/case_result.hpp"

namespace conform::report {

std::string render_markdown(const RunResult& run);

// The same for a run that already passed redact_secrets (write_reports redacts once for
// every writer).
std::string render_markdown_of_redacted(const RunResult& run);

// Writes render_markdown(run) to `file` atomically. Throws std::runtime_error naming it.
void write_markdown_report(const RunResult& run, const std::filesystem::path& file);

// Markdown-safe inline text: one line, markup and HTML characters escaped, so a payload
// can neither format nor inject anything.
std::string markdown_text(std::string_view text);

// A Markdown code span holding `text` verbatim (one line).
std::string markdown_code(std::string_view text);

}  // namespace conform::report
