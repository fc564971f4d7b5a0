// --max-findings N (default 100, 0: all): every output closes a capped payload with
// "... and M more findings", and the verdict and exit status stay those of every finding.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "codec/rapidjson.hpp"
#include "support/catalogs.hpp"
#include "support/run_command.hpp"

namespace conform::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// An acme request with `n` undocumented members, each one finding.
std::string undocumented(int n) {
  std::string text = "{";
  for (int i = 0; i < n; ++i) text += "\"m" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  text.back() = '}';
  return text;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST(MaxFindings, DefaultsToAHundredInText) {
  const auto r = run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir, "-"},
                             undocumented(150));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count(r.out, "error[additionalProperties]"), 100u);
  EXPECT_THAT(r.out, HasSubstr("\n... and 50 more findings\n"));
}

TEST(MaxFindings, EveryOutputFormatSaysHowManyMore) {
  for (const char* output : {"text", "json", "sarif", "github"}) {
    const auto r = run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir,
                                "--max-findings", "3", "--output", output, "-"},
                               undocumented(10));
    EXPECT_EQ(r.exit_code, 1) << output;
    EXPECT_THAT(r.out, HasSubstr("... and 7 more findings")) << output;
    EXPECT_EQ(count(r.out, "undocumented property"), 3u) << output << "\n" << r.out;
  }
  const auto json = run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir,
                                 "--max-findings", "2", "--output", "json", "-"},
                                undocumented(5));
  rapidjson::Document doc;
  doc.Parse(json.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << json.out;
  EXPECT_EQ(doc["findings"].Size(), 2u);
  EXPECT_EQ(doc["more_findings"].GetUint64(), 3u);
}

TEST(MaxFindings, ZeroReportsEveryFindingAndNoneLeftSaysNothing) {
  const auto all = run_conform(
      {"validate", "acme", "request", "--schemas", kTestVendorsDir, "--max-findings", "0", "-"},
      undocumented(250));
  EXPECT_EQ(count(all.out, "error[additionalProperties]"), 250u);
  EXPECT_THAT(all.out, Not(HasSubstr("more finding")));
  const auto exact = run_conform(
      {"validate", "acme", "request", "--schemas", kTestVendorsDir, "--max-findings", "5", "-"},
      undocumented(5));
  EXPECT_THAT(exact.out, Not(HasSubstr("more finding")));
  const auto one = run_conform(
      {"validate", "acme", "request", "--schemas", kTestVendorsDir, "--max-findings", "4", "-"},
      undocumented(5));
  EXPECT_THAT(one.out, HasSubstr("... and 1 more finding\n"));
}

TEST(MaxFindings, ABadValueIsAUsageError) {
  for (const char* bad : {"-1", "x", "", "1.5"}) {
    const auto r = run_conform(
        {"validate", "acme", "request", "--schemas", kTestVendorsDir, "--max-findings", bad, "-"},
        "{}");
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_THAT(r.err, HasSubstr("--max-findings")) << bad;
  }
}

}  // namespace
}  // namespace conform::test
