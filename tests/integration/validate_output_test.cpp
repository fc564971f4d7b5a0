// `conform validate --output sarif|github`: what a CI job reads. The SARIF schema
// check itself is tests/ci/sarif_schema_test.sh.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "codec/rapidjson.hpp"
#include "support/run_command.hpp"

namespace conform::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kSchemas = CONFORM_SCHEMAS_DIR;

std::string example(const std::string& vendor, const std::string& name) {
  return kSchemas + "/" + vendor + "/examples/" + name;
}

TEST(ValidateOutput, SarifIsOneDocumentOnStdoutWithTheSummaryOnStderr) {
  const auto r = run_conform({"validate", "msp360", "request", "--output", "sarif",
                              example("msp360", "request.invalid.license-mode-misspelled.json"),
                              example("msp360", "request.valid.full.json")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "2 payloads: 1 valid, 1 invalid\n");
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << r.out;
  const auto& run = doc["runs"][0];
  EXPECT_STREQ(run["tool"]["driver"]["name"].GetString(), "conform");
  ASSERT_EQ(run["results"].Size(), 1u);
  const auto& result = run["results"][0];
  EXPECT_STREQ(result["ruleId"].GetString(), "additionalProperties");
  EXPECT_THAT(result["message"]["text"].GetString(), HasSubstr("did you mean"));
  const auto& region = result["locations"][0]["physicalLocation"]["region"];
  EXPECT_GT(region["startLine"].GetInt(), 1);
  EXPECT_GT(region["startColumn"].GetInt(), 0);
}

TEST(ValidateOutput, SarifIsWrittenEvenWhenQuiet) {
  const auto r = run_conform({"validate", "finix", "request", "--output", "sarif", "--quiet", "-"},
                             "{\"enabled\":\"yes\"}");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("\"ruleId\":\"type\""));
}

TEST(ValidateOutput, GithubPrintsOneAnnotationPerFinding) {
  const std::string file = example("finix", "request.invalid.enabled-string.json");
  const auto r = run_conform({"validate", "finix", "request", "--output", "github", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, StartsWith("::error file="));
  EXPECT_THAT(r.out, HasSubstr("request.invalid.enabled-string.json,line=2,col=14,title=type::"
                               "/enabled: expected type boolean but found string%0A"));
  EXPECT_THAT(r.out, HasSubstr("\n1 payload: 0 valid, 1 invalid\n"));
}

TEST(ValidateOutput, AnUnknownOutputIsAUsageError) {
  const auto r = run_conform({"validate", "finix", "request", "--output", "xml", "-"}, "{}");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--output takes text, json, sarif or github, not \"xml\""));
}

}  // namespace
}  // namespace conform::test
