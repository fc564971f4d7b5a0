#include "report/reports.hpp"

#include "report/atomic_file.hpp"
#include "report/html_writer.hpp"
#include "report/json_writer.hpp"
#include "report/junit_writer.hpp"
#include "report/markdown_writer.hpp"
#include "report/redaction.hpp"
#include "report/tap_writer.hpp"

namespace conform::report {

void write_reports(const RunResult& run, const std::filesystem::path& dir) {
  const RunResult safe = redact_secrets(run);
  // report.json first: it is what `report merge` reads, the others are views of it.
  write_file_atomically(dir / "report.json", render_json_of_redacted(safe));
  write_file_atomically(dir / "junit.xml", render_junit_of_redacted(safe));
  write_file_atomically(dir / "report.tap", render_tap_of_redacted(safe));
  write_file_atomically(dir / "summary.md", render_markdown_of_redacted(safe));
  write_file_atomically(dir / "report.html", render_html_of_redacted(safe));
}

}  // namespace conform::report
