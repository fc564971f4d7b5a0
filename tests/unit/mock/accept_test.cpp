#include "mock/accept.hpp"

#include <gtest/gtest.h>

namespace conform::mock {
namespace {

const std::vector<std::string> kJson = {"application/json"};

TEST(Accept, AnAbsentHeaderAcceptsAnything) {
  EXPECT_TRUE(accepts_any("", kJson));
  EXPECT_TRUE(accepts_any("  ", kJson));
}

TEST(Accept, TheTypeItselfOrAWildcardRangeMatches) {
  EXPECT_TRUE(accepts_any("application/json", kJson));
  EXPECT_TRUE(accepts_any("Application/JSON; charset=utf-8", kJson));
  EXPECT_TRUE(accepts_any("application/*", kJson));
  EXPECT_TRUE(accepts_any("*/*", kJson));
  EXPECT_TRUE(accepts_any("text/html, application/xml;q=0.9, */*;q=0.1", kJson));
}

TEST(Accept, OtherTypesAndZeroQualityDoNotMatch) {
  EXPECT_FALSE(accepts_any("application/xml", kJson));
  EXPECT_FALSE(accepts_any("text/*", kJson));
  EXPECT_FALSE(accepts_any("application/json;q=0", kJson));
  EXPECT_FALSE(accepts_any("application/json; q=0.0, text/html", kJson));
  EXPECT_FALSE(accepts_any("application/jsonx", kJson));
}

TEST(Accept, AnyOfSeveralSentTypesIsEnough) {
  EXPECT_TRUE(accepts_any("application/xml", {"application/json", "application/xml"}));
}

}  // namespace
}  // namespace conform::mock
