// No report contains invalid UTF-8, whatever bytes a server sent, in any of its texts
// (bodies, headers, findings, names, tags, curl lines).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/reports.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"
#include "text/utf8.hpp"
#include "unit/report/sample_run.hpp"

namespace conform::report {
namespace {

namespace fs = std::filesystem;

bool well_formed(const std::string& text) {
  // check_utf8 also refuses NUL bytes, which are well-formed UTF-8: look past them.
  std::string without_nul = text;
  without_nul.erase(std::remove(without_nul.begin(), without_nul.end(), '\0'), without_nul.end());
  text::Utf8Problem problem;
  return text::check_utf8(without_nul, problem);
}

const std::string kBad[] = {
    std::string("caf\xE9"),               // Latin-1
    std::string("\xED\xB0\x80"),          // an encoded low surrogate
    std::string("x\xC3"),                 // cut in the middle of a sequence
    std::string("\xF8\x88\x80\x80\x80"),  // a five-byte form
    std::string("\xC0\xAF overlong"),
};

RunResult run_with_bad_bytes() {
  RunResult run = testing::sample_run();
  int k = 0;
  const auto bad = [&k]() { return kBad[k++ % std::size(kBad)]; };
  for (CaseResult& c : run.cases) {
    c.name += bad();
    c.tags.push_back(bad());
    for (StepResult& step : c.steps) {
      step.name += bad();
      step.exchange.url += bad();
      step.exchange.response_body = "{\"name\":\"" + bad() + "\"}";
      step.exchange.request_body = bad();
      step.exchange.response_headers.emplace_back("X-" + bad(), bad());
      step.curl += bad();
      Finding f;
      f.keyword = "type";
      f.pointer = "/" + bad();
      f.message = "found " + bad();
      f.actual = bad();
      f.expected = bad();
      step.findings.push_back(f);
    }
  }
  return run;
}

TEST(ReportFilesUtf8, CodecValidUtf8MakesEveryTextWellFormed) {
  for (const std::string& bad : kBad) {
    EXPECT_FALSE(well_formed(bad));
    EXPECT_TRUE(well_formed(text::valid_utf8(bad)));
  }
  EXPECT_EQ(text::valid_utf8("caf\xE9!"), "caf\xEF\xBF\xBD!");
  EXPECT_EQ(text::valid_utf8("ok \xC3\xA9"), "ok \xC3\xA9");
}

TEST(ReportFilesUtf8, NoReportFileContainsInvalidUtf8) {
  const test::TempDir tmp;
  const fs::path dir = fs::path(tmp.path()) / "reports";
  write_reports(run_with_bad_bytes(), dir);
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    EXPECT_TRUE(well_formed(test::read_file(entry.path()))) << entry.path();
    ++files;
  }
  EXPECT_EQ(files, 5);
}

}  // namespace
}  // namespace conform::report
