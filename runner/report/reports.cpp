#include "report/reports.hpp"

#include "report/html_writer.hpp"
#include "report/json_writer.hpp"
#include "report/junit_writer.hpp"
#include "report/markdown_writer.hpp"
#include "report/tap_writer.hpp"

namespace conform::report {

void write_reports(const RunResult& run, const std::filesystem::path& dir) {
  // report.json first: it is what `report merge` reads, the others are views of it.
  write_json_report(run, dir / "report.json");
  write_junit_report(run, dir / "junit.xml");
  write_tap_report(run, dir / "report.tap");
  write_markdown_report(run, dir / "summary.md");
  write_html_report(run, dir / "report.html");
}

}  // namespace conform::report
