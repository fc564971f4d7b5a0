#include "report/junit_writer.hpp"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "text/utf8.hpp"
#include "unit/report/sample_run.hpp"

namespace conform::report {
namespace {

using testing::sample_run;

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  const auto result = doc.load_string(xml.c_str());
  EXPECT_TRUE(result) << result.description() << " at byte " << result.offset;
  return doc;
}

// What XML 1.0 allows in a document (the Char production), checked byte by byte so a
// strict parser (xmllint, a CI server's JUnit reader) accepts the file too.
void expect_only_xml_characters(const std::string& xml) {
  EXPECT_EQ(text::valid_utf8(xml), xml) << "not valid UTF-8";
  for (std::size_t i = 0; i < xml.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(xml[i]);
    if (c < 0x20) {
      EXPECT_TRUE(c == '\t' || c == '\n' || c == '\r') << "control byte at " << i;
    }
  }
}

TEST(JunitWriter, HasOneSuitePerVendorAndOneTestcasePerCase) {
  const auto doc = parse(render_junit(sample_run()));
  const auto suites = doc.child("testsuites");
  EXPECT_STREQ(suites.attribute("tests").value(), "6");
  EXPECT_STREQ(suites.attribute("failures").value(), "1");
  EXPECT_STREQ(suites.attribute("errors").value(), "1");
  EXPECT_STREQ(suites.attribute("skipped").value(), "1");
  EXPECT_STREQ(suites.attribute("time").value(), "1.234");

  std::vector<std::string> names;
  for (const auto suite : suites.children("testsuite"))
    names.push_back(suite.attribute("name").value());
  EXPECT_EQ(names, (std::vector<std::string>{"finix", "msp360", "nexudus"}));

  const auto finix = suites.find_child_by_attribute("testsuite", "name", "finix");
  EXPECT_STREQ(finix.attribute("tests").value(), "3");
  EXPECT_STREQ(finix.attribute("failures").value(), "1");
  EXPECT_EQ(std::distance(finix.children("testcase").begin(), finix.children("testcase").end()), 3);
  const auto passed = finix.find_child_by_attribute("testcase", "name", "update-enabled");
  EXPECT_STREQ(passed.attribute("classname").value(), "finix.update-enabled");
  EXPECT_STREQ(passed.attribute("file").value(), "cases/finix/update-enabled.json");
  EXPECT_STREQ(passed.attribute("time").value(), "0.013");  // 12.5 ms
  EXPECT_FALSE(passed.first_child());
}

TEST(JunitWriter, FailedExpectationsAreFailuresWithFindingsAndCurl) {
  const auto doc = parse(render_junit(sample_run()));
  const auto testcase = doc.select_node("//testcase[@name='tags-too-many']").node();
  const auto failure = testcase.child("failure");
  ASSERT_TRUE(failure);
  EXPECT_FALSE(testcase.child("error"));
  EXPECT_STREQ(failure.attribute("message").value(),
               "/tags: too many tags: at most 50 are allowed");
  const std::string text = failure.text().get();
  EXPECT_NE(text.find("step \"put\" failed: PUT http://127.0.0.1:40123/users/USa1b2c3 -> 200"),
            std::string::npos);
  EXPECT_NE(text.find("error [maxProperties] /tags: too many tags: at most 50 are allowed\n"
                      "    expected: at most 50 properties\n    actual:   51 properties\n"),
            std::string::npos);
  EXPECT_NE(text.find("  reproduce: curl -X PUT 'http://127.0.0.1:40123/users/USa1b2c3'"),
            std::string::npos);
}

TEST(JunitWriter, BrokenRunsAreErrorsAndSkippedCasesAreSkipped) {
  const auto doc = parse(render_junit(sample_run()));
  const auto broken = doc.select_node("//testcase[@name='unreachable']").node();
  EXPECT_FALSE(broken.child("failure"));
  EXPECT_STREQ(broken.child("error").attribute("message").value(),
               "connection refused: is the target running?");
  EXPECT_NE(std::string(broken.child("error").text().get()).find("-> no response"),
            std::string::npos);
  const auto skipped = doc.select_node("//testcase[@name='not-run']").node();
  EXPECT_TRUE(skipped.child("skipped"));
  EXPECT_FALSE(skipped.child("skipped").attribute("message"));
}

TEST(JunitWriter, ACaseNotApplicableOnALiveTargetIsSkippedWithItsReason) {
  RunResult run = sample_run();
  StepResult step;
  step.outcome = Outcome::skipped;
  Finding finding;
  finding.severity = Severity::warning;
  finding.keyword = "not-applicable";
  finding.message = "not applicable on a live target: the mock's own limit";
  step.findings.push_back(finding);
  run.cases[4].steps.push_back(step);
  const auto doc = parse(render_junit(run));
  const auto skipped = doc.select_node("//testcase[@name='not-run']/skipped").node();
  EXPECT_STREQ(skipped.attribute("message").value(),
               "not applicable on a live target: the mock's own limit");
}

TEST(JunitWriter, StaysWellFormedWhateverBytesAResponseHolds) {
  RunResult run = sample_run();
  // Hostile bytes everywhere a writer puts text: names, messages, bodies, curl.
  run.cases[2].name = "case " + testing::kHostileBytes;
  run.cases[2].steps[0].findings[0].message = testing::kHostileBytes + " ]]> </failure>";
  run.cases[2].steps[0].findings[0].actual = testing::kHostileBytes;
  run.cases[2].steps[0].curl = "curl " + testing::kHostileBytes;
  run.cases[2].vendor = "fin\x01x";
  const std::string xml = render_junit(run);
  expect_only_xml_characters(xml);
  const auto doc = parse(xml);
  const auto failure = doc.select_node("//failure").node();
  EXPECT_NE(std::string(failure.text().get()).find("end ]]> </failure>"), std::string::npos);
  EXPECT_STREQ(doc.select_node("//testsuite[@name='fin\xEF\xBF\xBDx']").node().name(), "testsuite");
}

TEST(JunitWriter, MarksAnInterruptedRun) {
  RunResult run = sample_run();
  EXPECT_FALSE(parse(render_junit(run)).select_node("//property[@name='interrupted']"));
  run.interrupted = true;
  const auto doc = parse(render_junit(run));
  EXPECT_STREQ(doc.select_node("//property[@name='interrupted']").node().attribute("value").value(),
               "true");
}

TEST(JunitWriter, NamesAFuzzRunsSeedInEverySuitesProperties) {
  RunResult run = sample_run();
  EXPECT_FALSE(parse(render_junit(run)).select_node("//property[@name='seed']"));
  run.seed = 42;
  const auto doc = parse(render_junit(run));
  const auto seeds = doc.select_nodes("//testsuite/properties/property[@name='seed']");
  EXPECT_EQ(seeds.size(), doc.select_nodes("//testsuite").size());
  for (const auto& seed : seeds) EXPECT_STREQ(seed.node().attribute("value").value(), "42");
}

TEST(JunitWriter, WritesAnEmptyRunAsAnEmptyTestsuites) {
  const auto doc = parse(render_junit(RunResult{}));
  EXPECT_STREQ(doc.child("testsuites").attribute("tests").value(), "0");
  EXPECT_FALSE(doc.child("testsuites").child("testsuite"));
}

}  // namespace
}  // namespace conform::report
