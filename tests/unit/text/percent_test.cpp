#include "text/percent.hpp"

#include <gtest/gtest.h>

namespace conform::text {
namespace {

TEST(HexDigitValue, BothCasesAndNothingElse) {
  EXPECT_EQ(hex_digit_value('0'), 0);
  EXPECT_EQ(hex_digit_value('a'), 10);
  EXPECT_EQ(hex_digit_value('F'), 15);
  EXPECT_EQ(hex_digit_value('g'), -1);
  EXPECT_EQ(hex_digit_value('/'), -1);
}

TEST(PercentEncode, KeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(percent_encode("a b/~é"), "a%20b%2F~%C3%A9");
}

TEST(PercentDecode, FormPlusIsASpaceAndMalformedEscapesStay) {
  EXPECT_EQ(percent_decode("a+b%2F%zz%4", true), "a b/%zz%4");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
}

TEST(PercentDecodeExact, RefusesMalformedEscapes) {
  std::string out;
  EXPECT_TRUE(percent_decode_exact("/a%25b", out));
  EXPECT_EQ(out, "/a%b");
  EXPECT_FALSE(percent_decode_exact("/a%2", out));
  EXPECT_FALSE(percent_decode_exact("/a%zz", out));
}

}  // namespace
}  // namespace conform::text
