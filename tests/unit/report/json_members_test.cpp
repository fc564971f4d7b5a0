// A Finding is written to JSON one way: every output names its members alike, and the
// one-line outputs leave out only what is unknown.
#include "report/json_members.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace conform::report {
namespace {

rapidjson::Document written(const Finding& finding, const FindingMembers& members) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  write_finding(w, finding, members);
  rapidjson::Document document;
  document.Parse(buffer.GetString());
  return document;
}

std::set<std::string> names(const rapidjson::Value& object) {
  std::set<std::string> out;
  for (const auto& member : object.GetObject()) out.insert(member.name.GetString());
  return out;
}

Finding placed() {
  Finding f;
  f.keyword = "maxProperties";
  f.message = "tags has 51 pairs";
  f.pointer = "/tags";
  f.schema_path = "/properties/tags/maxProperties";
  f.line = 1;
  f.column = 32;
  f.length = 4;
  f.expected = "at most 50 properties";
  f.actual = "51 properties";
  return f;
}

TEST(FindingJson, EveryOutputNamesAKnownMemberAlike) {
  FindingMembers known;
  known.every_member = false;
  const auto all = written(placed(), FindingMembers{});
  const auto one_line = written(placed(), known);
  for (const std::string& name : names(one_line)) {
    ASSERT_TRUE(all.HasMember(name.c_str())) << name;
    EXPECT_EQ(all[name.c_str()], one_line[name.c_str()]) << name;
  }
  EXPECT_EQ(names(one_line),
            (std::set<std::string>{"severity", "keyword", "message", "pointer", "schema_path",
                                   "line", "column", "length", "expected", "actual"}));
}

TEST(FindingJson, ReportJsonWritesEveryMemberAndTheOneLineOutputsOnlyWhatIsKnown) {
  Finding bare;
  bare.keyword = "syntax";
  bare.message = "not JSON";
  FindingMembers known;
  known.every_member = false;
  EXPECT_EQ(names(written(bare, FindingMembers{})),
            (std::set<std::string>{"severity", "keyword", "message", "pointer", "schema_path",
                                   "xpath", "line", "column", "length"}));
  EXPECT_EQ(names(written(bare, known)),
            (std::set<std::string>{"severity", "keyword", "message", "pointer"}));
}

TEST(FindingJson, DriftsChangesSayTextAndLeaveTheVerdictToTheirLevelAndRule) {
  FindingMembers change;
  change.every_member = false;
  change.text_name = "text";
  change.verdict = false;
  const auto document = written(placed(), change);
  EXPECT_STREQ(document["text"].GetString(), "tags has 51 pairs");
  EXPECT_FALSE(document.HasMember("message"));
  EXPECT_FALSE(document.HasMember("severity"));
  EXPECT_FALSE(document.HasMember("keyword"));
}

TEST(FindingJson, InvalidUtf8BecomesTheReplacementCharacter) {
  Finding f;
  f.message = "caf\xE9";
  const auto document = written(f, FindingMembers{});
  EXPECT_STREQ(document["message"].GetString(), "caf\xEF\xBF\xBD");
}

}  // namespace
}  // namespace conform::report
