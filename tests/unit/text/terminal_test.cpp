#include "text/terminal.hpp"

#include <gtest/gtest.h>

namespace conform::text {
namespace {

TEST(EscapeForTerminal, PlainTextAndUnicodeStayAsTheyAre) {
  EXPECT_EQ(escape_for_terminal("Zoë ✓ a\\b"), "Zoë ✓ a\\b");
}

TEST(EscapeForTerminal, C0DelC1BidiAndBadBytesAreEscaped) {
  EXPECT_EQ(escape_for_terminal("a\x1b[2Jb\r\n\t\x7f"), "a\\x1B[2Jb\\x0D\\x0A\\x09\\x7F");
  EXPECT_EQ(escape_for_terminal("\xc2\x9b"
                                "1m \xe2\x80\xae \xe2\x81\xa6 \xd8\x9c"),
            "\\u{009B}1m \\u{202E} \\u{2066} \\u{061C}");
  EXPECT_EQ(escape_for_terminal("\xff\x9b\xc0\xaf\xed\xa0\x80"),
            "\\xFF\\x9B\\xC0\\xAF\\xED\\xA0\\x80");
  EXPECT_EQ(escape_for_terminal(std::string("a\0b", 3)), "a\\x00b");
}

TEST(EscapeForTerminal, TabsMayStayForSourceSnippets) {
  EXPECT_EQ(escape_for_terminal("\ta\x1b", true), "\ta\\x1B");
}

}  // namespace
}  // namespace conform::text
