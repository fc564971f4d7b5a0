// JsonReader parses in place (its own copy of the bytes); parse_json reads the bytes where
// they are. Both must give the same value and the same findings for every input.
#include "codec/json_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conform::codec {
namespace {

std::string render(const Finding& f) {
  return f.keyword + " @" + std::to_string(f.line) + ":" + std::to_string(f.column) + "+" +
         std::to_string(f.length) + " " + f.pointer + " | " + f.message + " | " +
         f.expected.value_or("-") + " | " + f.actual.value_or("-");
}

std::string compact(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Members "m0".."m{n-1}" with the names in `repeats` added again at the end.
std::string object_with(int n, const std::vector<int>& repeats) {
  std::string text = "{";
  for (int i = 0; i < n; ++i) text += "\"m" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  for (const int r : repeats) text += "\"m" + std::to_string(r) + "\":true,";
  text.back() = '}';
  return text;
}

std::vector<std::string> inputs() {
  std::vector<std::string> all = {
      R"({"a":[1,2.5,-3e2,true,null,"x"],"b":{"c":"\u00e9\n\"q\""}})",
      "{\"s\":\"a\\u0000b\"}",
      "  [1, 2]  ",
      "\xEF\xBB\xBF{\"bom\":1}",
      "\xFF\xFE{}",
      std::string("{\"a\":1}\0", 8),
      "{\"a\":\"\xC3\x28\"}",
      "",
      " \n ",
      "{",
      "{\"a\" 1}",
      "{\"a\":1,}",
      "[1 2]",
      "{\"a\":XXXXX}",
      "{\"a\":\"\\x\"}",
      "{\"a\":\"\\u12G4\"}",
      "{\"a\":\"\\uD800\"}",
      "{\"a\":\"unterminated",
      "{\"a\":\"tab\there\"}",
      "{\"a\":1e999}",
      "{\"a\":1.}",
      "{\"a\":1e}",
      "{} {}",
      "{\"a\":1,\"a\":2}",
      "{\"x\":{\"a\":1,\"b\":2,\"a\":3,\"a\":4,\"b\":5}}",
      "[{\"k\":1,\"k\":2},{\"k\":[{\"z\":0,\"z\":1}]}]",
      object_with(8, {3}),
      object_with(20, {17, 2, 17, 9}),
      object_with(32, {31, 0}),
      object_with(60, {45, 3, 59, 3}),
      "{\"a/b~c\":1,\"a/b~c\":2}",
      std::string(600, '[') + std::string(600, ']'),
  };
  return all;
}

TEST(JsonReaderInPlace, SameValueAndFindingsAsParseJson) {
  Limits limits;
  JsonReader reader(limits);
  for (const auto& input : inputs()) {
    rapidjson::Document document;
    Findings expected;
    const bool ok = parse_json(input, limits, document, expected);
    Findings got;
    ASSERT_EQ(reader.read(input, got), ok) << input;
    ASSERT_EQ(got.size(), expected.size()) << input;
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(render(got[i]), render(expected[i])) << input;
    }
    if (ok) {
      EXPECT_EQ(compact(reader.value()), compact(document)) << input;
    }
  }
}

TEST(JsonReaderInPlace, SameFindingsUnderTightLimits) {
  Limits limits;
  limits.max_depth = 3;
  limits.max_string_bytes = 5;
  limits.max_members = 4;
  limits.max_bytes = 40;
  JsonReader reader(limits);
  const std::vector<std::string> near_limits = {"[[[1]]]",
                                                "[[[[1]]]]",
                                                R"({"abcde":"12345"})",
                                                R"({"abcdef":1})",
                                                R"(["123456"])",
                                                "[1,2,3,4]",
                                                "[1,2,3,4,5]",
                                                R"({"a":1,"b":2,"c":3,"d":4,"e":5})",
                                                "[\"" + std::string(50, 'x') + "\"]"};
  for (const auto& input : near_limits) {
    rapidjson::Document document;
    Findings expected;
    const bool ok = parse_json(input, limits, document, expected);
    Findings got;
    ASSERT_EQ(reader.read(input, got), ok) << input;
    ASSERT_EQ(got.size(), expected.size()) << input;
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(render(got[i]), render(expected[i])) << input;
    }
  }
}

TEST(JsonReaderInPlace, DuplicateKeysAreReportedOncePerNameInAStableOrder) {
  // Up to 32 members: in the order of each name's first repeat; beyond: by name.
  Findings findings;
  JsonReader reader;
  reader.read(object_with(20, {17, 2, 17, 9}), findings);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].pointer, "/m17");
  EXPECT_EQ(findings[1].pointer, "/m2");
  EXPECT_EQ(findings[2].pointer, "/m9");
  findings.clear();
  reader.read(object_with(60, {45, 3, 59, 3}), findings);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].pointer, "/m3");
  EXPECT_EQ(findings[1].pointer, "/m45");
  EXPECT_EQ(findings[2].pointer, "/m59");
  // The value is still read (receivers keep one of the values).
  EXPECT_TRUE(reader.value().IsObject());
}

TEST(JsonReaderInPlace, TheValueOutlivesTheCallersBytes) {
  JsonReader reader;
  Findings findings;
  {
    std::string bytes = R"({"name":"kept"})";
    ASSERT_TRUE(reader.read(bytes, findings));
    bytes.assign(bytes.size(), '#');
  }
  EXPECT_STREQ(reader.value()["name"].GetString(), "kept");
}

}  // namespace
}  // namespace conform::codec
