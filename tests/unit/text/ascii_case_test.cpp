#include "text/ascii_case.hpp"

#include <gtest/gtest.h>

namespace conform::text {
namespace {

TEST(AsciiCase, FoldsOnlyAsciiLetters) {
  EXPECT_EQ(to_lower_ascii("Content-TYPE: X_1"), "content-type: x_1");
  EXPECT_EQ(to_lower_ascii("\xC3\x89t\xC3\xA9"), "\xC3\x89t\xC3\xA9");  // "Été": É stays
}

TEST(AsciiCase, ComparesWithoutCase) {
  EXPECT_TRUE(equals_ignoring_case("Transfer-Encoding", "transfer-encoding"));
  EXPECT_TRUE(equals_ignoring_case("", ""));
  EXPECT_FALSE(equals_ignoring_case("Expect", "Expects"));
  EXPECT_FALSE(equals_ignoring_case("a-b", "a_b"));
  EXPECT_FALSE(equals_ignoring_case("\xC3\x89", "\xC3\xA9"));
}

// A header value's list: "keep-alive, Upgrade" holds keep-alive; "closer" holds no close.
TEST(AsciiCase, FindsATokenInACommaSeparatedList) {
  EXPECT_TRUE(list_has_token("keep-alive, Upgrade", "upgrade"));
  EXPECT_TRUE(list_has_token(" Close ", "close"));
  EXPECT_TRUE(list_has_token("gzip,\tchunked", "chunked"));
  EXPECT_FALSE(list_has_token("closer", "close"));
  EXPECT_FALSE(list_has_token("", "close"));
  EXPECT_FALSE(list_has_token("chunked, gzip", "chunk"));
}

}  // namespace
}  // namespace conform::text
