// Regression (found by fuzz_xml_decode): a number whose significand is zero but whose
// exponent is large ("0e305") is zero. RapidJSON 1.1.0's full-precision parsing read it as
// -2.9e-70 (clz(0) in DiyFp::Normalize, undefined behaviour), so a 0 could fail "minimum": 0.
#include <gtest/gtest.h>

#include "codec/decode.hpp"
#include "codec/scalar_text.hpp"
#include "codec/schema_view.hpp"

namespace conform::codec {
namespace {

TEST(ZeroSignificand, IsRecognizedInEveryNumberSpelling) {
  for (const char* zero : {"0", "0e305", "-0.000E309", "0.0e+400", "-0"}) {
    EXPECT_TRUE(has_zero_significand(zero)) << zero;
  }
  for (const char* other : {"1e305", "0.001e300", "-10", "e5", ""}) {
    EXPECT_FALSE(has_zero_significand(other)) << other;
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
