// A \u escape of a UTF-16 surrogate without its pair is a syntax finding, high or low, in a
// value or a member name: RapidJSON 1.1.0 refused only the high one and wrote a lone low one
// ("\udc00") into the value as ED B0 80, which is not UTF-8 and broke every output after it.
#include <gtest/gtest.h>

#include <string>

#include "codec/decode.hpp"
#include "codec/json_reader.hpp"
#include "codec_test_support.hpp"
#include "text/utf8.hpp"

namespace conform::codec {
namespace {

struct Case {
  const char* json;
  int column;  // of the unpaired escape
};

const Case kUnpaired[] = {
    {R"({"s":"\udc00"})", 7},
    {R"({"s":"\ud800"})", 7},
    {R"({"s":"ab\uDFFFcd"})", 9},
    {R"({"s":"\"\\\udc00"})", 11},
    {R"({"s":"\ud83d\ude00\udc00"})", 19},
    {R"({"s":"x\udc00\ud800"})", 14},  // RapidJSON stops at the high one first
    {R"({"\udc00":1})", 3},
    {R"(["ok", "\\", "\uDC01"])", 15},
    {R"({"s":"\ud800x"})", 7},
};

TEST(Surrogates, AnUnpairedSurrogateOfEitherKindIsASyntaxFinding) {
  for (const auto& [json, column] : kUnpaired) {
    for (const testing::ReadOutcome& read : testing::read_both_ways(json)) {
      const Findings& findings = read.findings;
      EXPECT_FALSE(read.ok) << json;
      ASSERT_EQ(findings.size(), 1u) << json;
      EXPECT_EQ(findings[0].keyword, "syntax") << json;
      EXPECT_EQ(findings[0].message, "invalid \\u escape: a UTF-16 surrogate without its pair");
      EXPECT_EQ(findings[0].line, 1) << json;
      EXPECT_EQ(findings[0].column, column) << json;
      ASSERT_TRUE(findings[0].actual.has_value());
      EXPECT_EQ(findings[0].actual->substr(0, 2), "\\u") << json;
    }
  }
}

TEST(Surrogates, PairsStillDecodeToValidUtf8) {
  for (const char* json : {R"({"s":"\ud83d\ude00"})", R"({"s":"\uD800\uDC00 and \u00e9"})",
                           R"({"\ud83d\ude00":"\\udc00"})"}) {
    const Decoded d = decode(json, DecodeOptions{});
    ASSERT_TRUE(d.ok) << json;
    const auto& member = *d.value.MemberBegin();
    text::Utf8Problem problem;
    EXPECT_TRUE(
        text::check_utf8({member.value.GetString(), member.value.GetStringLength()}, problem));
    EXPECT_TRUE(
        text::check_utf8({member.name.GetString(), member.name.GetStringLength()}, problem));
  }
}

}  // namespace
}  // namespace conform::codec
