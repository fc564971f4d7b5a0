// `conform diff` on whole schema trees: two copies of schemas/, the newer one edited the way
// a vendor's documentation changes, each edit reported under its rule.
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

void replace(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = read_file(file);
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << file << " has no " << from;
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary) << text;
}

// (vendor, message, rule, level) of every change.
using Change = std::tuple<std::string, std::string, std::string, std::string>;

std::set<Change> changes(const std::string& json) {
  std::set<Change> out;
  rapidjson::Document document;
  document.Parse(json.c_str());
  if (document.HasParseError()) return out;
  for (const auto& c : document["changes"].GetArray()) {
    out.emplace(c["vendor"].GetString(), c["message"].GetString(), c["rule"].GetString(),
                c["level"].GetString());
  }
  return out;
}

class DiffTrees : public ::testing::Test {
 protected:
  DiffTrees() {
    fs::copy(CONFORM_SCHEMAS_DIR, old_, fs::copy_options::recursive);
    fs::copy(CONFORM_SCHEMAS_DIR, new_, fs::copy_options::recursive);
  }
  test::TempDir dir_;
  fs::path old_ = fs::path(dir_.path()) / "old";
  fs::path new_ = fs::path(dir_.path()) / "new";
};

TEST_F(DiffTrees, IdenticalTreesHaveNoChanges) {
  const auto result = test::run_conform({"diff", old_.string(), new_.string(), "--fail-on", "any"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("0 breaking, 0 warning, 0 info"), std::string::npos) << result.out;
}

TEST_F(DiffTrees, EveryTreeRuleIsReported) {
  const fs::path finix = new_ / "finix" / "vendor.json";
  replace(finix, R"("path": "/users/{user_id}",)", R"("path": "/v2/users/{user_id}",)");
  replace(finix, R"("value": "2022-02-01")", R"("value": "2023-01-01")");
  replace(
      finix,
      R"("scheme": "basic", "env": {"username": "FINIX_USERNAME", "password": "FINIX_PASSWORD"})",
      R"("scheme": "bearer", "env": {"token": "FINIX_TOKEN"})");
  replace(
      finix,
      R"("response:406": {"schema": "response-406.schema.json", "description": "seed: the error envelope."})",
      R"("response:409": {"schema": "response-406.schema.json", "description": "a conflict"})");
  fs::copy(old_ / "formsonfire" / "response-200.xml-rules.json",
           new_ / "finix" / "response-200.xml-rules.json");
  replace(
      finix, R"("response:200": {"schema": "response-200.schema.json",)",
      R"("response:200": {"schema": "response-200.schema.json", "xml_rules": "response-200.xml-rules.json",)");
  const fs::path maiascore = new_ / "maiascore" / "vendor.json";
  replace(maiascore, R"("query_parameters": [],)",
          R"("query_parameters": [{"name": "locale", "required": true, "description": "new"}],)");
  replace(maiascore, R"(, "application/x-www-form-urlencoded"])", "]");
  const fs::path nexudus = new_ / "nexudus" / "vendor.json";
  replace(nexudus, R"("response": ["application/json"]})",
          R"("response": ["application/json", "application/problem+json"]})");
  const fs::path msp360 = new_ / "msp360" / "vendor.json";
  replace(msp360, R"("response:200": {"empty_body": true,)",
          R"("response:200": {"schema": "response-400.schema.json",)");
  replace(msp360,
          R"("request": {"schema": "request.schema.json", "xml_rules": "request.xml-rules.json",)",
          R"("request": {"schema": "request.schema.json",)");
  replace(msp360, R"("text/json", "application/xml", "text/xml"])",
          R"("text/json", "application/x-www-form-urlencoded"])");
  fs::remove_all(new_ / "formsonfire");
  fs::copy(old_ / "finix", new_ / "acme", fs::copy_options::recursive);
  replace(new_ / "acme" / "vendor.json", R"("id": "finix")", R"("id": "acme")");

  const auto result = test::run_conform({"diff", old_.string(), new_.string(), "--output", "json"});
  ASSERT_EQ(result.exit_code, 1) << result.err;
  const auto found = changes(result.out);
  const std::vector<Change> expected = {
      {"finix", "", "endpoint-changed", "breaking"},
      {"finix", "", "request-parameter-value-changed", "breaking"},
      {"finix", "", "auth-scheme-changed", "breaking"},
      {"finix", "response:406", "response-status-removed", "info"},
      {"finix", "response:409", "response-status-added", "warning"},
      {"finix", "response:200", "xml-rules-added", "warning"},
      {"maiascore", "", "request-parameter-required-added", "breaking"},
      {"maiascore", "", "request-media-type-removed", "breaking"},
      {"nexudus", "", "response-media-type-added", "warning"},
      {"msp360", "response:200", "body-presence-changed", "breaking"},
      {"msp360", "request", "xml-rules-removed", "breaking"},
      {"msp360", "", "request-media-type-added", "info"},
      {"formsonfire", "", "vendor-removed", "breaking"},
      {"acme", "", "vendor-added", "info"},
  };
  for (const Change& change : expected) {
    EXPECT_TRUE(found.count(change)) << std::get<0>(change) << " " << std::get<1>(change) << " "
                                     << std::get<2>(change) << " " << std::get<3>(change) << "\n"
                                     << result.out;
  }
}

TEST_F(DiffTrees, ASchemaChangeInsideATreeIsClassifiedAndFailOnDecidesTheExit) {
  // A request property becomes required: breaking for the integration.
  replace(new_ / "finix" / "request.schema.json", R"("type": "object",)",
          R"("type": "object", "required": ["enabled"],)");
  auto result = test::run_conform({"diff", old_.string(), new_.string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("request-property-required-added"), std::string::npos) << result.out;

  // Only a new optional response property: info, which no --fail-on turns into a failure.
  fs::remove_all(new_);
  fs::copy(CONFORM_SCHEMAS_DIR, new_, fs::copy_options::recursive);
  replace(new_ / "finix" / "response-200.schema.json", R"("properties": {)",
          R"("properties": {"risk_profile": {"type": "string"},)");
  result = test::run_conform({"diff", old_.string(), new_.string(), "--fail-on", "any"});
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_NE(result.out.find("response-property-added"), std::string::npos) << result.out;
}

TEST_F(DiffTrees, ABrokenTreeExitsTwo) {
  std::ofstream(new_ / "finix" / "vendor.json") << "{";
  const auto result = test::run_conform({"diff", old_.string(), new_.string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("cannot read the schema tree"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace conform
