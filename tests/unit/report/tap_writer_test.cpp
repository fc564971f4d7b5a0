#include "report/tap_writer.hpp"

#include <gtest/gtest.h>

#include "unit/report/sample_run.hpp"

namespace conform::report {
namespace {

using testing::sample_run;

TEST(TapWriter, HasAPlanAndATestPointPerCase) {
  const std::string tap = render_tap(sample_run());
  EXPECT_EQ(tap.rfind("TAP version 14\n1..6\nok 1 - finix: update-enabled\n"
                      "ok 2 - finix: read-after-write\nnot ok 3 - finix: tags-too-many\n",
                      0),
            0u)
      << tap;
  EXPECT_NE(tap.find("\nnot ok 4 - msp360: unreachable\n  ---\n  outcome: error\n"),
            std::string::npos);
  EXPECT_NE(tap.find("\nok 5 - msp360: not-run # SKIP\nok 6 - nexudus: update-full-name\n"),
            std::string::npos);
}

TEST(TapWriter, ASkipSaysWhyWhenTheCaseIsNotApplicable) {
  RunResult run = sample_run();
  StepResult step;
  step.outcome = Outcome::skipped;
  Finding finding;
  finding.keyword = "not-applicable";
  finding.message = "not applicable on a live target: the mock's own limit";
  step.findings.push_back(finding);
  run.cases[4].steps.push_back(step);
  EXPECT_NE(render_tap(run).find("\nok 5 - msp360: not-run # SKIP not applicable on a live "
                                 "target: the mock's own limit\n"),
            std::string::npos);
}

TEST(TapWriter, FailuresCarryAYamlBlockWithTheFindings) {
  const std::string tap = render_tap(sample_run());
  EXPECT_NE(tap.find("  message: \"/tags: too many tags: at most 50 are allowed\"\n"
                     "  file: \"cases/finix/tags-too-many.json\"\n"),
            std::string::npos);
  EXPECT_NE(tap.find("    expected: at most 50 properties\\n"), std::string::npos);
  EXPECT_NE(tap.find("  ...\n"), std::string::npos);
}

TEST(TapWriter, KeepsDirectivesAndLineBreaksOutOfDescriptions) {
  RunResult run = sample_run();
  run.cases[0].name = "name # TODO\nnot ok 99";
  const std::string tap = render_tap(run);
  EXPECT_NE(tap.find("ok 1 - finix: name \\# TODO not ok 99\n"), std::string::npos);
  EXPECT_EQ(tap.find("\nnot ok 99"), std::string::npos);
}

TEST(TapWriter, BailsOutOfAnInterruptedRun) {
  RunResult run = sample_run();
  run.interrupted = true;
  const std::string tap = render_tap(run);
  EXPECT_EQ(tap.substr(tap.size() - 40), "\nBail out! interrupted: partial results\n");
}

}  // namespace
}  // namespace conform::report
