// JsonSourceMap: a JSON Pointer back to line, column and caret length in the source.
#include "codec/json_source_map.hpp"

#include <gtest/gtest.h>

#include "codec/decode.hpp"

namespace conform::codec {
namespace {

const char* const kText =
    "{\n"
    "  \"ID\": \"9d6de082\",\n"
    "  \"NotificationEmails\": [\"a@x.io\", \"not-an-email\"],\n"
    "  \"a/b\": {\"c~d\": 42, \"e\": {}},\n"
    "  \"esc\\u0061ped\": true\n"
    "}";

Location at(std::string_view pointer) { return JsonSourceMap(kText).locate(pointer); }

TEST(JsonSourceMap, PointsAtTheValue) {
  const Location id = at("/ID");
  EXPECT_EQ(id.line, 2);
  EXPECT_EQ(id.column, 9);
  EXPECT_EQ(id.length, 10);  // "9d6de082" with its quotes
  EXPECT_TRUE(id.xpath.empty());
}

TEST(JsonSourceMap, ArrayItemsAndEscapedTokens) {
  const Location item = at("/NotificationEmails/1");
  EXPECT_EQ(item.line, 3);
  EXPECT_EQ(item.column, 36);
  EXPECT_EQ(item.length, 14);
  const Location nested = at("/a~1b/c~0d");
  EXPECT_EQ(nested.line, 4);
  EXPECT_EQ(nested.column, 18);
  EXPECT_EQ(nested.length, 2);
  EXPECT_EQ(at("/escaped").line, 5);  // keys are compared after unescaping
}

TEST(JsonSourceMap, MissingMemberPointsAtItsParent) {
  const Location parent = at("/a~1b/missing");
  EXPECT_EQ(parent.line, 4);
  EXPECT_EQ(parent.column, 10);
  const Location root = at("/Password");
  EXPECT_EQ(root.line, 1);
  EXPECT_EQ(root.column, 1);
  const Location out_of_range = at("/NotificationEmails/7");
  EXPECT_EQ(out_of_range.line, 3);
  EXPECT_EQ(out_of_range.column, 25);
}

TEST(JsonSourceMap, WholeDocumentAndBadPointers) {
  EXPECT_EQ(at("").line, 1);
  EXPECT_EQ(at("no-slash").line, 0);
  EXPECT_EQ(at("/a~2").line, 0);
}

TEST(JsonSourceMap, DecodeHandsOutAMapThatOutlivesTheInput) {
  DecodeOptions options;
  Decoded decoded;
  {
    std::string bytes = "[1,\n 2]";
    decoded = decode(bytes, options);
  }
  ASSERT_TRUE(decoded.source_map);
  EXPECT_EQ(decoded.source_map->locate("/1").line, 2);
}

TEST(JsonSourceMap, SurvivesTextThatDoesNotParse) {
  const JsonSourceMap map("{\"a\": [1, 2, \"unterminated");
  EXPECT_EQ(map.locate("/a/5").line, 1);
  const std::string deep(100000, '[');
  EXPECT_EQ(JsonSourceMap(deep).locate("/0/0/0").column, 4);
}

}  // namespace
}  // namespace conform::codec
