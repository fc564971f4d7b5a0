// drift --output json: one change per line, the finding written as every JSON output writes
// one, its text under "text" (the change's "message" names the vendor's message).
#include "drift/drift_report.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "codec/rapidjson.hpp"

namespace conform::drift {
namespace {

TEST(DriftReportJson, AChangeCarriesItsFindingUnderThePublishedNames) {
  DriftItem item;
  item.level = Level::breaking;
  item.vendor = "acme";
  item.message = "response:200";
  item.source = "acme/update.json";
  item.finding.keyword = "type";
  item.finding.message = "/active is a string, not a boolean";
  item.finding.pointer = "/active";
  item.finding.schema_path = "/properties/active/type";
  item.finding.line = 3;
  item.finding.column = 13;
  item.finding.expected = "boolean";
  std::ostringstream out;
  print_items_json(out, {item, item});

  rapidjson::Document document;
  document.Parse(out.str().c_str());
  ASSERT_FALSE(document.HasParseError()) << out.str();
  const auto& change = document["changes"][0];
  EXPECT_STREQ(change["vendor"].GetString(), "acme");
  EXPECT_STREQ(change["message"].GetString(), "response:200");
  EXPECT_STREQ(change["rule"].GetString(), "type");
  EXPECT_STREQ(change["level"].GetString(), "breaking");
  EXPECT_STREQ(change["file"].GetString(), "acme/update.json");
  EXPECT_STREQ(change["pointer"].GetString(), "/active");
  EXPECT_STREQ(change["text"].GetString(), "/active is a string, not a boolean");
  EXPECT_STREQ(change["schema_path"].GetString(), "/properties/active/type");
  EXPECT_EQ(change["line"].GetInt(), 3);
  EXPECT_STREQ(change["expected"].GetString(), "boolean");
  EXPECT_FALSE(change.HasMember("actual"));
  EXPECT_EQ(change["occurrences"].GetInt(), 1);
  EXPECT_EQ(document["counts"]["breaking"].GetInt(), 2);
  // One change per line.
  EXPECT_EQ(out.str().find("\n  {\"vendor\":\"acme\""), out.str().find('\n'));
}

}  // namespace
}  // namespace conform::drift
