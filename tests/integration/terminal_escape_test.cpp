// Outside data never drives the terminal: control characters, C1 and bidi
// overrides from a payload, a case file or a vendor's response reach stdout and stderr
// escaped, in validate's source snippet and actual value and in replay's case, step and
// finding lines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform::test {
namespace {

using ::testing::HasSubstr;

// ESC, a C1 CSI (U+009B) and a right-to-left override (U+202E), as raw bytes.
const std::string kHostile =
    "\x1b]0;owned\x07\xc2\x9b"
    "2J\xe2\x80\xae";

void expect_no_raw_controls(const CommandResult& run) {
  for (const std::string* text : {&run.out, &run.err}) {
    EXPECT_EQ(text->find('\x1b'), std::string::npos) << *text;
    EXPECT_EQ(text->find('\x07'), std::string::npos) << *text;
    EXPECT_EQ(text->find("\xc2\x9b"), std::string::npos) << *text;
    EXPECT_EQ(text->find("\xe2\x80\xae"), std::string::npos) << *text;
  }
}

// On the test-only vendor (tests/data/vendors/acme): escaping is no vendor's behaviour.
TEST(TerminalEscape, ValidateEscapesTheSnippetAndTheActualValue) {
  TempDir dir;
  const std::string vendors = CONFORM_TESTS_DIR "/data/vendors";
  // Not JSON (a raw ESC in a string), and a wrong type quoting the hostile text.
  const std::string broken = dir.write("broken.json", "{\"display_name\": \"" + kHostile + "\"}\n");
  const std::string typed = dir.write(
      "typed.json", R"({"email": "a@b.c", "active": 1, "display_name": "\u001b[2J\u202e"})");
  for (const std::string& file : {broken, typed}) {
    const auto run = run_conform({"validate", "acme", "request", "--schemas", vendors, file});
    EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
    expect_no_raw_controls(run);
  }
  const auto run = run_conform({"validate", "acme", "request", "--schemas", vendors, broken});
  EXPECT_THAT(run.out, HasSubstr("\\x1B]0;owned\\x07\\u{009B}2J\\u{202E}"));
}

TEST(TerminalEscape, ReplayEscapesNamesMessagesAndTheVendorsBytes) {
  TempDir dir;
  const std::string escaped_name = R"(evil \u001b[31m\u009b\u202e)";
  dir.write("cases/evil.json", R"({
  "name": ")" + escaped_name + R"(", "vendor": "msp360",
  "steps": [{"name": ")" + escaped_name +
                                   R"(", "method": "PUT", "path": "/api/Users",
             "body": {"UserName": "\u001b[2J"},
             "expect": {"status": 299, "assert": [
               {"header": "Content-Type", "equals": "\u001b]0;t\u0007"}]}}]
})");
  const auto run =
      run_conform({"replay", dir.path() + "/cases", "--report-dir", dir.path() + "/reports"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("evil \\x1B[31m\\u{009B}\\u{202E}"));
  expect_no_raw_controls(run);
}

}  // namespace
}  // namespace conform::test
