// Every number in every JSON document is read correctly rounded, whatever else the document
// holds: RapidJSON's lower-precision parse was once switched on for a whole document when "0e"
// appeared anywhere in it (a GUID was enough), and read 1811553586851333.0 as ...332.8.
#include "codec/json_number.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "codec/decode.hpp"
#include "codec/json_reader.hpp"
#include "codec/scalar_text.hpp"
#include "codec/schema_view.hpp"
#include "codec_test_support.hpp"

namespace conform::codec {
namespace {

// Numbers whose nearest double a lower-precision reader misses, with that double.
struct Exact {
  const char* text;
  double value;
};
const Exact kHard[] = {
    {"1811553586851333.0", 1811553586851333.0},
    {"2.2250738585072011e-308", 2.2250738585072011e-308},
    {"9007199254740993.0", 9007199254740992.0},
    {"0.1", 0.1},
    {"1.7976931348623157e308", std::numeric_limits<double>::max()},
    {"4.9e-324", std::numeric_limits<double>::denorm_min()},
    {"123456789012345678901234567890", 1.2345678901234568e29},
    {"0.30000000000000004", 0.30000000000000004},
};

TEST(JsonNumber, ReadsCorrectlyRounded) {
  for (const auto& [text, value] : kHard) {
    const JsonNumber number = read_json_number(text);
    ASSERT_EQ(number.type, JsonNumber::Type::real) << text;
    EXPECT_EQ(number.real_value, value) << text;
  }
}

TEST(JsonNumber, IntegersKeepRapidJsonsTypes) {
  EXPECT_EQ(read_json_number("7").type, JsonNumber::Type::uint32);
  EXPECT_EQ(read_json_number("-7").type, JsonNumber::Type::int32);
  EXPECT_EQ(read_json_number("4294967296").type, JsonNumber::Type::uint64);
  EXPECT_EQ(read_json_number("-2147483649").type, JsonNumber::Type::int64);
  EXPECT_EQ(read_json_number("18446744073709551615").unsigned_value,
            std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(read_json_number("18446744073709551616").type, JsonNumber::Type::real);
  EXPECT_EQ(read_json_number("-9223372036854775808").signed_value,
            std::numeric_limits<std::int64_t>::min());
}

TEST(JsonNumber, BeyondADoubleIsTooBigAndBelowTheSmallestIsZero) {
  for (const char* big : {"1e309", "-1e309", "100000e305", "1.8e308", "1e99999999999999999999"}) {
    EXPECT_EQ(read_json_number(big).type, JsonNumber::Type::too_big) << big;
  }
  for (const char* tiny : {"1e-400", "-2.4e-324", "0.000001e-320", "1e-99999999999999999999"}) {
    const JsonNumber number = read_json_number(tiny);
    ASSERT_EQ(number.type, JsonNumber::Type::real) << tiny;
    EXPECT_EQ(number.real_value, 0.0) << tiny;
    EXPECT_EQ(std::signbit(number.real_value), tiny[0] == '-') << tiny;
  }
}

// The same document with and without strings that hold "0e" or "0E" (and a real 0e305).
TEST(JsonNumber, EveryDocumentReadsEveryNumberCorrectlyRounded) {
  for (const char* neighbour :
       {R"("s":"x")", R"("s":"5c0e9a77")", R"("s":"A0E1")", R"("z":0e305)", R"("z":-0.0E3)"}) {
    for (const auto& [text, value] : kHard) {
      const std::string json = std::string("{") + neighbour + ",\"n\":" + text + "}";
      rapidjson::Document document;
      Findings findings;
      ASSERT_TRUE(parse_json(json, Limits{}, document, findings)) << json;
      EXPECT_EQ(document["n"].GetDouble(), value) << json;
      JsonReader reader(Limits{});
      ASSERT_TRUE(reader.read(json, findings)) << json;
      EXPECT_EQ(reader.value()["n"].GetDouble(), value) << json;
      rapidjson::Document plain;
      ASSERT_FALSE(parse_json_text(plain, json).IsError()) << json;
      EXPECT_EQ(plain["n"].GetDouble(), value) << json;
    }
  }
}

// RapidJSON refuses these while scanning although their value is a double.
TEST(JsonNumber, NumbersRapidJsonRefusesInRangeAreRead) {
  const std::string long_integer = "1" + std::string(400, '0') + "e-300";
  for (const std::string& text : {std::string("0e309"), std::string("-0.0e400"), long_integer}) {
    const std::string json = "{\"a\":\"0e\",\"n\":" + text + ",\"m\":[1.5]}";
    JsonReader reader(Limits{});
    Findings findings;
    ASSERT_TRUE(reader.read(json, findings)) << json;
    EXPECT_EQ(reader.value()["n"].GetDouble(), text == long_integer ? 1e100 : 0.0) << json;
    EXPECT_EQ(reader.value()["m"][0].GetDouble(), 1.5);
    rapidjson::Document plain;
    ASSERT_FALSE(parse_json_text(plain, json).IsError()) << json;
    EXPECT_EQ(plain["n"].GetDouble(), text == long_integer ? 1e100 : 0.0) << json;
  }
}

TEST(JsonNumber, XmlAndFormNumbersAreReadCorrectlyRounded) {
  rapidjson::Document document;
  rapidjson::Value out;
  ScalarProblem problem;
  for (const auto& [text, value] : kHard) {
    ASSERT_TRUE(read_scalar(text, kTypeNumber, out, document.GetAllocator(), problem)) << text;
    EXPECT_EQ(out.GetDouble(), value) << text;
  }
}

// Issue: 1e309 was a `syntax` finding; it is valid JSON that no double holds.
TEST(JsonNumber, ANumberBeyondADoubleIsALimitFinding) {
  for (const char* json : {R"({"n":1e309})", R"({"n":-1e309})", R"([1, 100000e305])",
                           R"({"n":1.8e308})", R"({"s":"0e1","n":12e400})"}) {
    for (const testing::ReadOutcome& read : testing::read_both_ways(json)) {
      const Findings& findings = read.findings;
      EXPECT_FALSE(read.ok) << json;
      ASSERT_EQ(findings.size(), 1u) << json;
      EXPECT_EQ(findings[0].keyword, "limit") << json;
      EXPECT_NE(findings[0].message.find("beyond the range of a double"), std::string::npos)
          << findings[0].message;
      EXPECT_EQ(findings[0].line, 1);
    }
  }
  rapidjson::Document plain;
  EXPECT_EQ(parse_json_text(plain, "[1e309]").Code(), rapidjson::kParseErrorNumberTooBig);
}

}  // namespace
}  // namespace conform::codec
