// junit.xml: what CI systems read. One <testsuite> per vendor, one <testcase> per case;
// a failed expectation is <failure>, a broken run <error>, a skipped case <skipped/>.
// Well-formed XML 1.0 whatever bytes a response holds (control characters and invalid
// UTF-8 become U+FFFD).
#pragma once

#include <filesystem>
#include <string>

#include "model/case_result.hpp"

namespace conform::report {

std::string render_junit(const RunResult& run);

// The same for a run that already passed redact_secrets (write_reports redacts once for
// every writer).
std::string render_junit_of_redacted(const RunResult& run);

// Writes render_junit(run) to `file` atomically. Throws std::runtime_error naming the path.
void write_junit_report(const RunResult& run, const std::filesystem::path& file);

// The plain-text account of a case's failed or broken steps, as the <failure>/<error> text
// and the TAP diagnostics show it: each finding (where, what, expected, actual) and the
// curl command that reproduces the step. Not yet cleaned for any file format.
std::string failure_text(const CaseResult& result);

// The first error finding of a case in one line ("/Email: not an email"), or the outcome.
std::string first_problem(const CaseResult& result);
// Why a skipped case did not run (a mock_only case on a live target); empty when no reason.
std::string skip_reason(const CaseResult& result);

}  // namespace conform::report
