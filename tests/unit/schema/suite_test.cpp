// The JSON Schema Test Suite, draft 7: every required case and the optional format cases
// conform targets are one test each; the other optional files are scored, not asserted.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>

#include "unit/schema/suite_cases.hpp"

namespace conform::schema::testing {
namespace {

// Optional files whose cases must all pass: the formats conform asserts, ECMA-262 regex
// semantics, big numbers and identifiers.
const std::vector<std::string>& targeted_optional_files() {
  static const std::vector<std::string> files = {
      "optional/format/date-time.json",
      "optional/format/date.json",
      "optional/format/email.json",
      "optional/format/hostname.json",
      "optional/format/ipv4.json",
      "optional/format/ipv6.json",
      "optional/format/json-pointer.json",
      "optional/format/regex.json",
      "optional/format/relative-json-pointer.json",
      "optional/format/time.json",
      "optional/format/uri-reference.json",
      "optional/format/uri.json",
      "optional/format/ecmascript-regex.json",
      "optional/format/unknown.json",
      "optional/format/idn-email.json",
      "optional/format/iri.json",
      "optional/format/iri-reference.json",
      "optional/format/uri-template.json",
      "optional/content.json",
      "optional/ecmascript-regex.json",
      "optional/non-bmp-regex.json",
      "optional/bignum.json",
      "optional/float-overflow.json",
      "optional/id.json",
      "optional/unknownKeyword.json",
  };
  return files;
}

std::vector<std::string> asserted_files() {
  std::vector<std::string> files = required_suite_files();
  files.insert(files.end(), targeted_optional_files().begin(), targeted_optional_files().end());
  return files;
}

// The suite is data kept in tests/data (see its SOURCE.txt); without it the parameterised
// cases above would silently be none.
TEST(JsonSchemaTestSuiteData, IsInTheRepository) {
  ASSERT_FALSE(required_suite_files().empty())
      << "the JSON Schema Test Suite is missing: expected it in " << suite_root();
  EXPECT_EQ(load_suite_cases(required_suite_files()).size(), 927u);
  EXPECT_EQ(load_suite_cases(optional_suite_files()).size(), 794u);
  for (const auto& file : targeted_optional_files()) {
    EXPECT_FALSE(load_suite_cases({file}).empty()) << file << " is missing";
  }
}

class JsonSchemaTestSuite : public ::testing::TestWithParam<SuiteCase> {};

TEST_P(JsonSchemaTestSuite, GivesTheExpectedVerdict) {
  const SuiteCase& suite_case = GetParam();
  EXPECT_EQ(run_suite_case(suite_case), "")
      << suite_case.file << " / " << suite_case.group << " / " << suite_case.description;
}

INSTANTIATE_TEST_SUITE_P(Draft7, JsonSchemaTestSuite,
                         ::testing::ValuesIn(load_suite_cases(asserted_files())),
                         [](const ::testing::TestParamInfo<SuiteCase>& param) {
                           return param.param.name;
                         });

struct Score {
  int passed = 0;
  int total = 0;
};

std::map<std::string, Score> score_files(const std::vector<std::string>& files) {
  std::map<std::string, Score> scores;
  for (const auto& suite_case : load_suite_cases(files)) {
    Score& score = scores[suite_case.file];
    ++score.total;
    score.passed += run_suite_case(suite_case).empty();
  }
  return scores;
}

void print_scores(const char* title, const std::map<std::string, Score>& scores) {
  Score sum;
  for (const auto& [file, score] : scores) {
    std::printf("  %-48s %4d/%-4d\n", file.c_str(), score.passed, score.total);
    sum.passed += score.passed;
    sum.total += score.total;
  }
  std::printf("%s: %d/%d\n", title, sum.passed, sum.total);
}

TEST(JsonSchemaTestSuiteScore, RequiredAndTargetedOptionalAllPass) {
  auto scores = score_files(asserted_files());
  print_scores("draft7 required + targeted optional", scores);
  for (const auto& [file, score] : scores) EXPECT_EQ(score.passed, score.total) << file;
}

// The optional half as a whole (README states the figure). What still fails:
// idn-hostname's two Bidi-rule cases (RFC 5893 needs the Unicode Bidi classes, which libidn2
// does not check) and cross-draft's 2019-09 $ref.
TEST(JsonSchemaTestSuiteScore, OptionalAtLeast780Of794) {
  Score sum;
  for (const auto& [file, score] : score_files(optional_suite_files())) {
    sum.passed += score.passed;
    sum.total += score.total;
  }
  std::printf("draft7 optional: %d/%d\n", sum.passed, sum.total);
  EXPECT_EQ(sum.total, 794);
  EXPECT_GE(sum.passed, 780);
}

// Not asserted: prints how far conform gets on the optional tests it does not target.
TEST(JsonSchemaTestSuiteScore, ReportsTheOtherOptionalFiles) {
  std::vector<std::string> others;
  for (const auto& file : optional_suite_files()) {
    bool targeted = false;
    for (const auto& wanted : targeted_optional_files()) targeted |= wanted == file;
    if (!targeted) others.push_back(file);
  }
  print_scores("draft7 other optional (report only)", score_files(others));
}

}  // namespace
}  // namespace conform::schema::testing
