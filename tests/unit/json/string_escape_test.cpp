#include "json/string_escape.hpp"

#include <gtest/gtest.h>

namespace conform::json {
namespace {

TEST(JsonEscape, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(json_escape("a\"b\\c\n\x01"), "a\\\"b\\\\c\\n\\u0001");
}

TEST(JsonUnescape, ReadsEscapesAndSurrogatePairsAndKeepsMalformedOnes) {
  EXPECT_EQ(json_unescape("a\\\"b\\/\\u00e9\\ud83d\\ude00"), "a\"b/\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(json_unescape("\\x \\u12"), "\\x \\u12");
}

}  // namespace
}  // namespace conform::json
