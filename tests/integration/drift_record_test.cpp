// End to end: `conform record` from the embedded mock's default and drifted profiles, then
// `conform drift`: every change the manifests plant for the drifted profile is reported,
// and the default profile gives no warning at all.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "codec/rapidjson.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {
namespace fs = std::filesystem;

using conform::test::read_file;

// (vendor, message, rule, pointer) of every item `conform drift --output json` printed.
using Item = std::tuple<std::string, std::string, std::string, std::string>;

struct Drift {
  int exit_code = -1;
  std::set<Item> items;
  std::map<std::string, int> counts;
  std::string out, err;
};

Drift drift(const std::vector<std::string>& args) {
  std::vector<std::string> command = {"drift"};
  command.insert(command.end(), args.begin(), args.end());
  command.insert(command.end(), {"--output", "json", "--schemas", CONFORM_SCHEMAS_DIR});
  const auto result = test::run_conform(command);
  Drift out;
  out.exit_code = result.exit_code;
  out.out = result.out;
  out.err = result.err;
  rapidjson::Document document;
  document.Parse(result.out.c_str());
  if (document.HasParseError() || !document.IsObject()) return out;
  for (const auto& change : document["changes"].GetArray()) {
    out.items.emplace(change["vendor"].GetString(), change["message"].GetString(),
                      change["rule"].GetString(), change["pointer"].GetString());
  }
  for (const auto& count : document["counts"].GetObject()) {
    out.counts[count.name.GetString()] = count.value.GetInt();
  }
  return out;
}

// Records once per profile for all tests (a recording takes well under a second).
class DriftEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    for (const auto& [name, profile] : {std::pair<const char*, const char*>{"default", "default"},
                                        {"default-again", "default"},
                                        {"drifted", "drifted"}}) {
      const auto result =
          test::run_conform({"record", "--out", path(name), "--mock-profile", profile, "--schemas",
                             CONFORM_SCHEMAS_DIR, "--jobs", "2"});
      ASSERT_EQ(result.exit_code, 0) << result.err;
      ASSERT_NE(result.out.find("recorded "), std::string::npos) << result.out;
    }
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string path(const std::string& name) { return dir_->path() + "/" + name; }
  static test::TempDir* dir_;
};

test::TempDir* DriftEndToEnd::dir_ = nullptr;

TEST_F(DriftEndToEnd, TheDefaultProfileGivesNoWarningAndTwoRecordingsCompareCleanly) {
  Drift alone = drift({path("default"), "--fail-on", "any"});
  EXPECT_EQ(alone.exit_code, 0) << alone.out << alone.err;
  EXPECT_EQ(alone.counts["breaking"], 0) << alone.out;
  EXPECT_EQ(alone.counts["warning"], 0) << alone.out;
  Drift compared =
      drift({path("default"), "--baseline", path("default-again"), "--fail-on", "any"});
  EXPECT_EQ(compared.exit_code, 0) << compared.out;
  EXPECT_EQ(compared.counts["breaking"] + compared.counts["warning"], 0) << compared.out;
}

TEST_F(DriftEndToEnd, EveryPlantedChangeIsReported) {
  const Drift alone = drift({path("drifted")});
  EXPECT_EQ(alone.exit_code, 1);
  const Drift compared = drift({path("drifted"), "--baseline", path("default")});
  EXPECT_EQ(compared.exit_code, 1);
  // schemas/<vendor>/vendor.json, mock.profiles.drifted, change by change: what a check of
  // the drifted recording alone finds, and what the comparison with the default one adds.
  const std::vector<Item> planted_alone = {
      // msp360: the 200 has a body; the read renames Email, LicenseManagmentMode by name,
      // TwoFactorEnabled added; errors as {error: {code, message}}.
      {"msp360", "response:200", "body-unexpected", ""},
      {"msp360", "request", "property-undocumented", "/EmailAddress"},
      {"msp360", "request", "property-never-seen", "/Email"},
      {"msp360", "request", "type-mismatch", "/LicenseManagmentMode"},
      {"msp360", "request", "property-undocumented", "/TwoFactorEnabled"},
      {"msp360", "response:404", "property-missing", "/Message"},
      {"msp360", "response:404", "property-undocumented", "/error"},
      // formsonfire: Email renamed, TimeZoneOffSet a string, SsoEnabled added; errors as
      // {Errors: [...]}.
      {"formsonfire", "response:200", "property-undocumented", "/User/EmailAddress"},
      {"formsonfire", "response:200", "property-never-seen", "/User/Email"},
      {"formsonfire", "response:200", "type-mismatch", "/User/TimeZoneOffSet"},
      {"formsonfire", "response:200", "property-undocumented", "/User/SsoEnabled"},
      {"formsonfire", "response:400", "property-missing", "/ResponseStatus"},
      {"formsonfire", "response:400", "property-undocumented", "/Errors"},
      // maiascore: blocked renamed, confirmed a string, lastLoginAt added; Strapi v4 errors.
      {"maiascore", "response:200", "property-undocumented", "/isBlocked"},
      {"maiascore", "response:200", "property-never-seen", "/blocked"},
      {"maiascore", "response:200", "type-mismatch", "/confirmed"},
      {"maiascore", "response:200", "property-undocumented", "/lastLoginAt"},
      {"maiascore", "response:404", "property-missing", "/code"},
      {"maiascore", "response:404", "property-undocumented", "/error"},
      // finix: enabled renamed, created_at a number, ROLE_SUPPORT, risk_profile; plain errors.
      {"finix", "response:200", "property-missing", "/enabled"},
      {"finix", "response:200", "property-undocumented", "/is_enabled"},
      {"finix", "response:200", "type-mismatch", "/created_at"},
      {"finix", "response:200", "enum-value-undocumented", "/role"},
      {"finix", "response:200", "property-undocumented", "/risk_profile"},
      {"finix", "response:404", "property-missing", "/_embedded"},
      {"finix", "response:404", "property-undocumented", "/errors"},
      // nexudus: WasSuccessful renamed, Value.Id a string, Status 207, TraceId; problem shape.
      {"nexudus", "response:200", "property-missing", "/WasSuccessful"},
      {"nexudus", "response:200", "property-undocumented", "/Success"},
      {"nexudus", "response:200", "type-mismatch", "/Value/Id"},
      {"nexudus", "response:200", "enum-value-undocumented", "/Status"},
      {"nexudus", "response:200", "property-undocumented", "/TraceId"},
      {"nexudus", "response:404", "property-missing", "/WasSuccessful"},
      {"nexudus", "response:404", "property-undocumented", "/Title"},
  };
  for (const Item& item : planted_alone) {
    EXPECT_TRUE(alone.items.count(item)) << std::get<0>(item) << " " << std::get<1>(item) << " "
                                         << std::get<2>(item) << " " << std::get<3>(item);
  }
  const std::vector<Item> planted_against_baseline = {
      {"msp360", "response:200", "property-added", ""},
      {"msp360", "request", "property-removed", "/Email"},
      {"msp360", "request", "property-type-changed", "/LicenseManagmentMode"},
      {"formsonfire", "response:200", "property-removed", "/User/Email"},
      {"formsonfire", "response:200", "value-new", "/User/Type"},  // the schema has no enum
      {"formsonfire", "response:200", "property-type-changed", "/User/TimeZoneOffSet"},
      {"maiascore", "response:200", "property-removed", "/blocked"},
      {"maiascore", "response:200", "property-type-changed", "/confirmed"},
      {"finix", "response:200", "property-removed", "/enabled"},
      {"finix", "response:200", "property-type-changed", "/created_at"},
      {"finix", "response:200", "value-new", "/role"},
      {"nexudus", "response:200", "property-removed", "/WasSuccessful"},
      {"nexudus", "response:200", "property-type-changed", "/Value/Id"},
      {"nexudus", "response:200", "value-new", "/Status"},
      {"nexudus", "response:404", "property-removed", "/WasSuccessful"},
  };
  for (const Item& item : planted_against_baseline) {
    EXPECT_TRUE(compared.items.count(item)) << std::get<0>(item) << " " << std::get<1>(item) << " "
                                            << std::get<2>(item) << " " << std::get<3>(item);
  }
}

TEST_F(DriftEndToEnd, RecordingsHoldNoCredentialAndReportsAreWritten) {
  // The mock's test credentials (every vendor's mock.credentials) never reach a snapshot.
  std::set<std::string> secrets;
  for (const auto& entry : fs::directory_iterator(CONFORM_SCHEMAS_DIR)) {
    if (!fs::is_regular_file(entry.path() / "vendor.json")) continue;
    rapidjson::Document manifest;
    const std::string text = read_file(entry.path() / "vendor.json");
    manifest.Parse(text.c_str());
    if (!manifest.HasMember("mock")) continue;
    for (const auto& credential : manifest["mock"]["credentials"].GetArray()) {
      for (const auto& member : credential.GetObject()) {
        // A Basic-auth user name is an identifier, not a secret: live Finix shows
        // it in paths and bodies, and masking it corrupts them.
        if (member.value.IsString() && member.value.GetStringLength() >= 6 &&
            std::string(member.name.GetString()) != "username") {
          secrets.insert(member.value.GetString());
        }
      }
    }
  }
  ASSERT_FALSE(secrets.empty());
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(path("drifted"))) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const std::string text = read_file(entry.path());
    for (const std::string& secret : secrets) {
      EXPECT_EQ(text.find(secret), std::string::npos) << entry.path() << " holds " << secret;
    }
  }
  EXPECT_GE(files, 60u);

  const std::string reports = path("reports");
  const auto result =
      test::run_conform({"drift", path("drifted"), "--baseline", path("default"), "--report-dir",
                         reports, "--schemas", CONFORM_SCHEMAS_DIR});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("breaking"), std::string::npos);
  for (const char* file : {"junit.xml", "report.json", "report.html", "summary.md"}) {
    EXPECT_TRUE(fs::is_regular_file(fs::path(reports) / file)) << file;
  }
  EXPECT_NE(read_file(fs::path(reports) / "junit.xml").find("property-removed"), std::string::npos);
}

TEST_F(DriftEndToEnd, SarifCarriesWarningAndBreakingItemsOnTheirSnapshots) {
  const auto result = test::run_conform(
      {"drift", path("drifted"), "--output", "sarif", "--schemas", CONFORM_SCHEMAS_DIR});
  EXPECT_EQ(result.exit_code, 1);
  rapidjson::Document log;
  log.Parse(result.out.c_str());
  ASSERT_FALSE(log.HasParseError()) << result.out;
  EXPECT_STREQ(log["version"].GetString(), "2.1.0");
  const auto& results = log["runs"][0]["results"];
  ASSERT_GT(results.Size(), 30u);
  bool finix_role = false;
  for (const auto& r : results.GetArray()) {
    EXPECT_STRNE(r["ruleId"].GetString(), "property-never-seen");  // info stays out
    const std::string uri =
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].GetString();
    if (std::string(r["ruleId"].GetString()) == "enum-value-undocumented" &&
        uri.find("/finix/") != std::string::npos) {
      finix_role = true;
      EXPECT_STREQ(r["level"].GetString(), "error");
    }
  }
  EXPECT_TRUE(finix_role);
}

TEST_F(DriftEndToEnd, InferDescribesTheRecordedBodies) {
  const auto result = test::run_conform({"infer", path("default"), "--vendor", "finix", "--message",
                                         "response:200", "--schemas", CONFORM_SCHEMAS_DIR});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  rapidjson::Document schema;
  schema.Parse(result.out.c_str());
  ASSERT_FALSE(schema.HasParseError()) << result.out;
  EXPECT_STREQ(schema["properties"]["enabled"]["type"].GetString(), "boolean");
  EXPECT_STREQ(schema["properties"]["created_at"]["format"].GetString(), "date-time");
  const auto ambiguous =
      test::run_conform({"infer", path("default"), "--schemas", CONFORM_SCHEMAS_DIR});
  EXPECT_EQ(ambiguous.exit_code, 2);
  EXPECT_NE(ambiguous.err.find("--vendor finix --message response:200"), std::string::npos);
}

// A nightly job whose secret expired: finix's steps get no response (its credentials are
// not set), nexudus' come from the embedded mock. Neither command may stay green.
TEST_F(DriftEndToEnd, StepsWithoutAResponseFailRecordAndDrift) {
  const std::string out = path("finix-unanswered");
  const auto recorded =
      test::run_conform({"record", std::string(CONFORM_CASES_DIR) + "/finix",
                         std::string(CONFORM_CASES_DIR) + "/nexudus", "--out", out, "--base",
                         "finix=http://127.0.0.1:9", "--schemas", CONFORM_SCHEMAS_DIR},
                        "", 120);
  EXPECT_EQ(recorded.exit_code, 1) << recorded.out << recorded.err;
  EXPECT_NE(recorded.out.find("against finix at http://127.0.0.1:9, nexudus at the embedded "
                              "mock (profile default)"),
            std::string::npos)
      << recorded.out;
  EXPECT_NE(recorded.err.find("steps got no response"), std::string::npos) << recorded.err;
  EXPECT_TRUE(fs::is_directory(fs::path(out) / "finix"));

  const Drift compared = drift({out, "--baseline", path("default")});
  EXPECT_EQ(compared.exit_code, 1) << compared.out << compared.err;
  EXPECT_TRUE(compared.items.count({"finix", "", "snapshot-missing", ""})) << compared.out;
  // nexudus answered every step; msp360 was not recorded at all, so is not compared.
  for (const Item& item : compared.items) {
    if (std::get<2>(item) == "snapshot-missing") {
      EXPECT_EQ(std::get<0>(item), "finix");
    }
  }
}

TEST(DriftCli, UsageErrorsExitTwo) {
  const test::TempDir dir;
  EXPECT_EQ(test::run_conform({"drift"}).exit_code, 2);
  EXPECT_EQ(test::run_conform({"drift", dir.path() + "/missing"}).exit_code, 2);
  EXPECT_EQ(test::run_conform({"drift", dir.path()}).exit_code, 2);  // no snapshots
  EXPECT_EQ(test::run_conform({"drift", dir.path(), "--fail-on", "never"}).exit_code, 2);
  EXPECT_EQ(test::run_conform({"record"}).exit_code, 2);  // --out is required
  EXPECT_EQ(test::run_conform({"diff", dir.path()}).exit_code, 2);
}

}  // namespace
}  // namespace conform
