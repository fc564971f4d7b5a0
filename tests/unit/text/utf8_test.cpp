#include "text/utf8.hpp"

#include <gtest/gtest.h>

namespace conform::text {
namespace {

const std::string R(kReplacement);

TEST(ValidUtf8, KeepsValidTextWhole) {
  const std::string text = "Zoë 日本 \xF0\x9F\x98\x80 tab\tand\nline";
  EXPECT_EQ(valid_utf8(text), text);
}

TEST(ValidUtf8, ReplacesEachInvalidSequence) {
  EXPECT_EQ(valid_utf8("a\x80z"), "a" + R + "z");            // stray continuation byte
  EXPECT_EQ(valid_utf8("\xC0\xAF"), R + R);                  // overlong '/'
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), R + R + R);          // UTF-16 surrogate
  EXPECT_EQ(valid_utf8("\xF4\x90\x80\x80"), R + R + R + R);  // beyond U+10FFFF
  EXPECT_EQ(valid_utf8("end\xE6\x97"), "end" + R + R);       // truncated at the end
}

TEST(ValidUtf8, KeepsControlCharactersForJson) {
  EXPECT_EQ(valid_utf8(std::string("a\x01\0b", 4)), std::string("a\x01\0b", 4));
}

TEST(PrintableText, ReplacesControlCharactersButKeepsWhitespace) {
  EXPECT_EQ(printable_text(std::string("a\x01\0\x1b\x7f\tb\r\n", 9)),
            "a" + R + R + R + R + "\tb\r\n");
  EXPECT_EQ(printable_text("\xC2\x85"), R);      // C1 control NEL
  EXPECT_EQ(printable_text("\xEF\xBF\xBF"), R);  // non-character U+FFFF
  EXPECT_EQ(printable_text("ünïcödé"), "ünïcödé");
}

TEST(ValidUtf8, TheReportAndCodecCopiesAgreedOnEverySequence) {
  // valid_utf8 had two copies (the codec's, fast on valid text, and the reports'); one
  // answer per sequence now: a lone lead byte, overlong forms of each length, a surrogate
  // pair written in UTF-8, and a NUL inside otherwise valid text.
  EXPECT_EQ(valid_utf8("\xC2"), R);
  EXPECT_EQ(valid_utf8("\xE0\x80\x80"), R + R + R);
  EXPECT_EQ(valid_utf8("\xF0\x80\x80\x80"), R + R + R + R);
  EXPECT_EQ(valid_utf8("\xED\xB0\x80"), R + R + R);
  EXPECT_EQ(valid_utf8(std::string("\0\xC3\xA9", 3)), std::string("\0\xC3\xA9", 3));
}

TEST(AppendUtf8, EncodesEachLength) {
  std::string out;
  for (const unsigned cp : {0x41u, 0xE9u, 0x65E5u, 0x1F600u}) append_utf8(cp, out);
  EXPECT_EQ(out, "A\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80");
}

TEST(TruncateUtf8, CutsOnACharacterBoundary) {
  EXPECT_EQ(truncate_utf8("short", 10), "short");
  EXPECT_EQ(truncate_utf8("aé", 2), "a\xE2\x80\xA6");  // never half of 'é'
  EXPECT_EQ(truncate_utf8("abcdef", 3), "abc\xE2\x80\xA6");
}

}  // namespace
}  // namespace conform::text
