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

}  // namespace
}  // namespace conform::text
