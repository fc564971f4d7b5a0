#include "json/pointer.hpp"

#include <gtest/gtest.h>

namespace conform::json {
namespace {

TEST(JsonPointer, EscapesTildeBeforeSlash) {
  EXPECT_EQ(escape_token("a/b~c"), "a~1b~0c");
  EXPECT_EQ(escape_token("~1"), "~01");  // not "~1", which would read back as "/"
  std::string pointer = "/tags";
  append_token(pointer, "x/y");
  EXPECT_EQ(pointer, "/tags/x~1y");
  EXPECT_EQ(child_pointer("", "a~b"), "/a~0b");
}

TEST(JsonPointer, UnescapesAndRefusesBadEscapes) {
  std::string token;
  EXPECT_TRUE(unescape_token("a~1b~0c~01", token));
  EXPECT_EQ(token, "a/b~c~1");
  EXPECT_FALSE(unescape_token("a~2", token));
  EXPECT_FALSE(unescape_token("a~", token));
}

TEST(JsonPointer, SplitsIntoTokensTheWayRfc6901Reads) {
  EXPECT_EQ(split_pointer(""), std::vector<std::string>{});
  EXPECT_EQ(split_pointer("/"), std::vector<std::string>{""});
  EXPECT_EQ(split_pointer("/a~1b/0//c~0"), (std::vector<std::string>{"a/b", "0", "", "c~"}));
  EXPECT_EQ(split_pointer("a/b"), std::nullopt);
  EXPECT_EQ(split_pointer("/a~3"), std::nullopt);
}

TEST(JsonPointer, RoundTripsEveryToken) {
  const std::vector<std::string> tokens = {"", "~", "/", "~1", "a/b~c", "é"};
  std::string pointer;
  for (const auto& token : tokens) append_token(pointer, token);
  EXPECT_EQ(split_pointer(pointer), tokens);
}

TEST(JsonPointer, ArrayIndicesHaveNoLeadingZeroAndABound) {
  std::size_t index = 0;
  EXPECT_TRUE(parse_index("0", 10, index));
  EXPECT_EQ(index, 0u);
  EXPECT_TRUE(parse_index("10", 10, index));
  EXPECT_EQ(index, 10u);
  EXPECT_FALSE(parse_index("11", 10, index));
  EXPECT_FALSE(parse_index("01", 10, index));
  EXPECT_FALSE(parse_index("", 10, index));
  EXPECT_FALSE(parse_index("-", 10, index));
  EXPECT_FALSE(parse_index("1a", 10, index));
}

}  // namespace
}  // namespace conform::json
