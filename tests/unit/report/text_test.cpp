#include "report/text.hpp"

#include <gtest/gtest.h>

namespace conform::report {
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

TEST(HtmlEscape, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(html_escape("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

TEST(TruncateUtf8, CutsOnACharacterBoundary) {
  EXPECT_EQ(truncate_utf8("short", 10), "short");
  EXPECT_EQ(truncate_utf8("aé", 2), "a\xE2\x80\xA6");  // never half of 'é'
  EXPECT_EQ(truncate_utf8("abcdef", 3), "abc\xE2\x80\xA6");
}

TEST(Seconds, PrintsMillisecondsAsSecondsWithAPoint) {
  EXPECT_EQ(seconds(1234), "1.234");
  EXPECT_EQ(seconds(5), "0.005");
  EXPECT_EQ(seconds(-3), "0.000");
}

}  // namespace
}  // namespace conform::report
