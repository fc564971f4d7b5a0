// Placing findings costs one pass over the text however many there are (placing each
// by rescanning the text from its start made 20,000 undocumented members take 5 s). The
// cached locator and line index must place every value exactly where a fresh scan does.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "codec/json_source_map.hpp"
#include "codec/text_position.hpp"

namespace conform::codec {
namespace {

// The location a fresh scan gives, with position_of counting from the start.
Location fresh(std::string_view text, const std::vector<std::string>& tokens, bool key) {
  const auto span = find_json_value(text, tokens, 1, key);
  if (!span) return {};
  return location_of_span(text, *span);
}

const char* const kTexts[] = {
    "{\"a\": {\"b\": [1, 2, {\"c\": \"é\\u00e9\"}]},\n \"d\": \"x\",\n\"a\": 3, \"e\": []}",
    "[\n  {\"k\": 1},\n  {\"k\": \"zwei\", \"k\": 2},\n  [[], [\"ü\", 5]]\n]",
    "{\"broken\": [1, 2,, \"x\": 1}",
    "\xEF\xBB\xBF{\"bom\": {\"n\": 1}}",
    "{\"s\": \"a\\\"b\", \"t\\u0041\": true, \"u\": {\"v\": null}}",
    "  7  ",
};

const std::vector<std::vector<std::string>> kPointers = {
    {},         {"a"},           {"a", "b"},      {"a", "b", "2"}, {"a", "b", "2", "c"},
    {"d"},      {"missing"},     {"a", "zz"},     {"0"},           {"1", "k"},
    {"2", "1"}, {"2", "1", "0"}, {"2", "1", "9"}, {"broken", "1"}, {"broken", "3"},
    {"bom"},    {"bom", "n"},    {"tA"},          {"u", "v"},      {"e", "0"},
    {"s", "x"},
};

TEST(JsonLocator, PlacesEveryValueAsAFreshScanDoes) {
  for (const char* text : kTexts) {
    JsonLocator cached(text);
    // Twice: the second round reads only what the first one remembered.
    for (int round = 0; round < 2; ++round) {
      for (const auto& tokens : kPointers) {
        for (const bool key : {false, true}) {
          const Location want = fresh(text, tokens, key && !tokens.empty());
          const auto span = cached.find(tokens, 1, key && !tokens.empty());
          const Location got = span ? cached.location(*span) : Location{};
          std::string pointer;
          for (const auto& t : tokens) pointer += "/" + t;
          EXPECT_EQ(got.line, want.line) << text << " " << pointer;
          EXPECT_EQ(got.column, want.column) << text << " " << pointer;
          EXPECT_EQ(got.length, want.length) << text << " " << pointer;
        }
      }
    }
  }
}

TEST(JsonLocator, FindsTheSecondOccurrenceOfARepeatedName) {
  const std::string text = "{\"k\": 1,\n \"k\": 2}";
  JsonLocator locator(text);
  const auto span = locator.find({"k"}, 2, true);
  ASSERT_TRUE(span);
  EXPECT_EQ(locator.location(*span).line, 2);
  EXPECT_EQ(locator.location(*span).column, 2);
}

TEST(TextIndex, GivesPositionOfForEveryOffset) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += i % 7 == 0 ? "é\n" : (i % 5 == 0 ? "\r\n" : "ab€");
  const TextIndex index(text);
  for (std::size_t offset = 0; offset <= text.size(); offset += 3) {
    const TextPosition want = position_of(text, offset);
    const TextPosition got = index.position(offset);
    ASSERT_EQ(got.line, want.line) << offset;
    ASSERT_EQ(got.column, want.column) << offset;
  }
}

}  // namespace
}  // namespace conform::codec
