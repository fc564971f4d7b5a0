// Regression (found by fuzz_xml_decode): a number whose significand is zero but whose
// exponent is large ("0e305") is zero. RapidJSON 1.1.0's full-precision parsing read it as
// -2.9e-70 (clz(0) in DiyFp::Normalize, undefined behaviour), so a 0 could fail "minimum": 0.
#include <gtest/gtest.h>

#include "codec/decode.hpp"
#include "codec/json_number.hpp"
#include "codec/scalar_text.hpp"
#include "codec/schema_view.hpp"

namespace conform::codec {
namespace {

TEST(ZeroSignificand, IsZeroInEveryNumberSpelling) {
  for (const char* zero : {"0", "0e305", "-0.000E309", "0.0e+400", "-0"}) {
    const JsonNumber number = read_json_number(zero);
    EXPECT_NE(number.type, JsonNumber::Type::too_big) << zero;
    EXPECT_EQ(number.type == JsonNumber::Type::real ? number.real_value : 0.0, 0.0) << zero;
    EXPECT_EQ(number.signed_value, 0) << zero;
    EXPECT_EQ(number.unsigned_value, 0u) << zero;
  }
}

TEST(ZeroSignificand, JsonNumbersWithAHugeExponentAreZero) {
  DecodeOptions options;
  options.format = Format::json;
  const Decoded decoded =
      decode(R"({"a": 0e305, "b": -0.000e309, "c": [0E300, 1.5e2], "d": 0.0})", options);
  ASSERT_TRUE(decoded.ok);
  EXPECT_EQ(decoded.value["a"].GetDouble(), 0.0);
  EXPECT_EQ(decoded.value["b"].GetDouble(), 0.0);
  EXPECT_EQ(decoded.value["c"][0].GetDouble(), 0.0);
  EXPECT_EQ(decoded.value["c"][1].GetDouble(), 150.0);
  EXPECT_EQ(decoded.value["d"].GetDouble(), 0.0);
}

TEST(ZeroSignificand, XmlAndFormTextWithAHugeExponentIsZero) {
  rapidjson::Document document;
  rapidjson::Value out;
  ScalarProblem problem;
  ASSERT_TRUE(read_scalar("0e305", kTypeNumber, out, document.GetAllocator(), problem));
  ASSERT_TRUE(out.IsNumber());
  EXPECT_EQ(out.GetDouble(), 0.0);
  ASSERT_TRUE(read_scalar("-0.00E300", kTypeNumber, out, document.GetAllocator(), problem));
  EXPECT_EQ(out.GetDouble(), 0.0);
}

}  // namespace
}  // namespace conform::codec
