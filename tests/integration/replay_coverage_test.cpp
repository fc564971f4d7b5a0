// Contract coverage per vendor from a real replay against the embedded mock: the
// documented statuses, error envelopes and media types the cases exercised and those they
// never did, in report.json, summary.md and report.html, and summed when shards merge.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "report/coverage.hpp"
#include "report/reports.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {

using test::run_conform;
using ::testing::HasSubstr;

const std::string kCases = CONFORM_CASES_DIR;

using conform::test::read_file;

std::map<std::string, int> items(const RunResult& run, const std::string& vendor) {
  std::map<std::string, int> out;
  for (const auto& v : run.coverage) {
    if (v.vendor != vendor) continue;
    for (const auto& item : v.items) out[report::coverage_label(item)] = item.exchanges;
  }
  return out;
}

// The markdown table's row for `vendor`: "| vendor | exercised | never exercised |".
std::vector<std::string> markdown_row(const std::string& summary, const std::string& vendor) {
  std::istringstream in(summary.substr(summary.find("Contract coverage")));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| " + vendor + " |", 0) != 0) continue;
    std::vector<std::string> cells;
    std::size_t start = 1;
    for (std::size_t bar; (bar = line.find('|', start)) != std::string::npos; start = bar + 1) {
      cells.push_back(line.substr(start, bar - start));
    }
    return cells;
  }
  return {};
}

class ReplayCoverage : public ::testing::Test {
 protected:
  std::string replay(const std::string& name, std::vector<std::string> extra = {}) {
    const std::string dir = tmp_.path() + "/" + name;
    std::vector<std::string> args = {"replay", kCases + "/finix", kCases + "/nexudus",
                                     "--report-dir", dir};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_conform(args, "", 120);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    return dir;
  }
  test::TempDir tmp_;
};

TEST_F(ReplayCoverage, TheTableNamesWhatWasExercisedAndWhatNeverWasInEveryReport) {
  const std::string dir = replay("all");
  const RunResult run = report::read_report_json(dir + "/report.json");
  const std::string summary = read_file(dir + "/summary.md");
  const std::string html = read_file(dir + "/report.html");
  ASSERT_THAT(summary, HasSubstr("### Contract coverage"));
  ASSERT_THAT(html, HasSubstr("<h2>Contract coverage</h2>"));
  for (const std::string vendor : {"finix", "nexudus"}) {
    SCOPED_TRACE(vendor);
    const auto counted = items(run, vendor);
    // Every vendor documents a success status, an error and JSON both ways.
    ASSERT_GT(counted.count("status 200"), 0u);
    EXPECT_GT(counted.at("status 200"), 0);
    EXPECT_GT(counted.at("request application/json"), 0);
    const auto row = markdown_row(summary, vendor);
    ASSERT_EQ(row.size(), 3u) << summary;
    for (const auto& [label, exchanges] : counted) {
      EXPECT_THAT(exchanges > 0 ? row[1] : row[2], HasSubstr(label)) << summary;
      EXPECT_THAT(html, HasSubstr(">" + label + "</span>"));
    }
  }
}

TEST_F(ReplayCoverage, ShardsMergeToTheSameCoverageAsOneRun) {
  const RunResult whole = report::read_report_json(replay("whole") + "/report.json");
  const std::string one = replay("one", {"--shard", "1/2"});
  const std::string two = replay("two", {"--shard", "2/2"});
  const std::string merged = tmp_.path() + "/merged";
  const auto r = run_conform({"report", "merge", one, two, "--report-dir", merged});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const RunResult combined = report::read_report_json(merged + "/report.json");
  for (const std::string vendor : {"finix", "nexudus"}) {
    EXPECT_EQ(items(combined, vendor), items(whole, vendor)) << vendor;
  }
}

}  // namespace
}  // namespace conform
