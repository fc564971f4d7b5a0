// `conform report merge`: shards' report folders in, one set of reports out, with the exit
// codes CI relies on.
#include <gtest/gtest.h>

#include <filesystem>

#include "report/reports.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {

namespace fs = std::filesystem;
using test::run_conform;

CaseResult outcome_only_case(std::string vendor, std::string name, Outcome outcome) {
  CaseResult c;
  c.vendor = std::move(vendor);
  c.name = std::move(name);
  c.file = "cases/" + c.vendor + "/" + c.name + ".json";
  c.outcome = outcome;
  return c;
}

RunResult shard(std::vector<CaseResult> cases) {
  RunResult run;
  run.target = "mock";
  run.started_at = "2026-11-23T12:00:00Z";
  run.duration_ms = 100;
  run.cases = std::move(cases);
  return run;
}

class ReportMergeTest : public ::testing::Test {
 protected:
  std::string write_shard(const std::string& name, const RunResult& run) {
    const std::string dir = tmp_.path() + "/" + name;
    report::write_reports(run, dir);
    return dir;
  }
  std::string out() const { return tmp_.path() + "/merged"; }

  test::TempDir tmp_;
};

TEST_F(ReportMergeTest, CombinesPassingShardsAndExitsZero) {
  const auto a = write_shard("shard-1", shard({outcome_only_case("nexudus", "b", Outcome::passed),
                                               outcome_only_case("finix", "z", Outcome::passed)}));
  const auto b = write_shard("shard-2", shard({outcome_only_case("finix", "a", Outcome::passed)}));
  const auto result =
      run_conform({"report", "merge", a, b + "/report.json", "--report-dir", out()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "merged 2 reports: 3 cases: 3 passed, 0 failed, 0 errors, 0 skipped\n"
            "report: " +
                out() + "/report.html\n");
  EXPECT_EQ(result.err, "");
  for (const char* file : {"junit.xml", "report.json", "report.html", "summary.md", "report.tap"}) {
    EXPECT_TRUE(fs::exists(fs::path(out()) / file)) << file;
  }
  const RunResult merged = report::read_report_json(out() + "/report.json");
  ASSERT_EQ(merged.cases.size(), 3u);
  EXPECT_EQ(merged.cases[0].name, "a");
  EXPECT_EQ(merged.cases[1].name, "z");
  EXPECT_EQ(merged.cases[2].vendor, "nexudus");
}

TEST_F(ReportMergeTest, ExitsOneWhenAShardFailed) {
  const auto a = write_shard("a", shard({outcome_only_case("finix", "ok", Outcome::passed)}));
  const auto b = write_shard("b", shard({outcome_only_case("msp360", "bad", Outcome::failed)}));
  const auto result = run_conform({"report", "merge", a, b, "--report-dir", out()});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find("2 cases: 1 passed, 1 failed"), std::string::npos);
}

TEST_F(ReportMergeTest, ExitsOneOnPartialResults) {
  RunResult interrupted = shard({outcome_only_case("finix", "ok", Outcome::passed)});
  interrupted.interrupted = true;
  const auto a = write_shard("a", interrupted);
  const auto result = run_conform({"report", "merge", a, "--report-dir", out()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "conform report: a shard was interrupted: these are partial results\n");
  EXPECT_TRUE(report::read_report_json(out() + "/report.json").interrupted);
}

TEST_F(ReportMergeTest, ExitsTwoNamingABrokenInput) {
  const auto good = write_shard("good", shard({outcome_only_case("finix", "ok", Outcome::passed)}));
  const std::string broken = tmp_.write("broken/report.json", "{\"format\": \"conform-report\",");
  const auto result =
      run_conform({"report", "merge", good, tmp_.path() + "/broken", "--report-dir", out()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err.rfind("conform report: cannot merge: " + broken +
                                 ":1:29: not valid JSON: Missing a name for object member.\n",
                             0),
            0u)
      << result.err;
  EXPECT_FALSE(fs::exists(out())) << "nothing is written when an input is broken";
}

TEST_F(ReportMergeTest, ExitsTwoNamingAMissingInput) {
  const auto result =
      run_conform({"report", "merge", tmp_.path() + "/nowhere", "--report-dir", out()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(
      result.err.rfind(
          "conform report: cannot merge: " + tmp_.path() + "/nowhere: cannot read the file\n", 0),
      0u)
      << result.err;
}

TEST_F(ReportMergeTest, WarnsWhenShardsOverlap) {
  const auto a = write_shard("a", shard({outcome_only_case("finix", "same", Outcome::passed)}));
  const auto b = write_shard("b", shard({outcome_only_case("finix", "same", Outcome::passed)}));
  const auto result = run_conform({"report", "merge", a, b, "--report-dir", out()});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.err.find("warning: case finix/same (cases/finix/same.json) is in 2 inputs:"),
            std::string::npos)
      << result.err;
}

TEST_F(ReportMergeTest, ExplainsItsUsage) {
  auto result = run_conform({"report", "merge", "--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("conform report merge shard-1/ shard-2/ shard-3/ --report-dir"),
            std::string::npos);

  result = run_conform({"report", "merge", tmp_.path()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err.rfind("conform report: --report-dir OUT is required\n", 0), 0u)
      << result.err;

  result = run_conform({"report", "merge", "--report-dir", out()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err.rfind("conform report: name at least one report folder to merge\n", 0), 0u);

  result = run_conform({"report", "split"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(
      result.err.rfind("conform report: unknown report command 'split' (there is: merge)\n", 0),
      0u);
}

}  // namespace
}  // namespace conform
