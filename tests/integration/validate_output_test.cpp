// `conform validate --output sarif|github`: what a CI job reads. The SARIF schema
// check itself is tests/ci/sarif_schema_test.sh.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "codec/rapidjson.hpp"
#include "support/catalogs.hpp"
#include "support/run_command.hpp"

namespace conform::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string example(const std::string& name) {
  return std::string(kTestVendorsDir) + "/acme/examples/" + name;
}

TEST(ValidateOutput, SarifIsOneDocumentOnStdoutWithTheSummaryOnStderr) {
  const auto r =
      run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir, "--output", "sarif",
                   example("request.invalid.display-name-miscased.json"),
                   example("request.valid.rename.json")});
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
  const auto r = run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir,
                              "--output", "sarif", "--quiet", "-"},
                             "{\"active\":\"yes\"}");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("\"ruleId\":\"type\""));
}

TEST(ValidateOutput, GithubPrintsOneAnnotationPerFinding) {
  const std::string file = example("request.invalid.active-string.json");
  const auto r = run_conform(
      {"validate", "acme", "request", "--schemas", kTestVendorsDir, "--output", "github", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, StartsWith("::error file="));
  EXPECT_THAT(r.out, HasSubstr("request.invalid.active-string.json,line=2,col=13,title=type::"
                               "/active: expected type boolean but found string%0A"));
  EXPECT_THAT(r.out, HasSubstr("\n1 payload: 0 valid, 1 invalid\n"));
}

TEST(ValidateOutput, AnUnknownOutputIsAUsageError) {
  const auto r = run_conform(
      {"validate", "acme", "request", "--schemas", kTestVendorsDir, "--output", "xml", "-"}, "{}");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--output takes text, json, sarif or github, not \"xml\""));
}

}  // namespace
}  // namespace conform::test
