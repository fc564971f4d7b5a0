#include "mock/route.hpp"

#include <gtest/gtest.h>

namespace conform::mock {
namespace {

TEST(Route, MatchesLiteralSegmentsAndDecodesParameters) {
  const Route route("/users/{user_id}");
  const auto parameters = route.match("/users/US%20123");
  ASSERT_TRUE(parameters);
  EXPECT_EQ(parameters->at("user_id"), "US 123");
  EXPECT_FALSE(route.match("/users"));
  EXPECT_FALSE(route.match("/users/"));
  EXPECT_FALSE(route.match("/users/a/b"));
  EXPECT_FALSE(route.match("/Users/a"));
}

TEST(Route, AnUnexpandedPlaceholderIsAnOrdinaryIdThatMatchesNoUser) {
  const auto parameters = Route("/users/{id}").match("/users/%7Bid%7D");
  ASSERT_TRUE(parameters);
  EXPECT_EQ(parameters->at("id"), "{id}");
}

TEST(Route, LiteralPathsMatchOnlyThemselves) {
  const Route route("/api/Users");
  EXPECT_TRUE(route.match("/api/Users"));
  EXPECT_FALSE(route.match("/api/Users/x"));
  EXPECT_FALSE(route.match("/api"));
}

TEST(PercentDecode, KeepsMalformedEscapes) { EXPECT_EQ(percent_decode("a%2Fb%zz%4"), "a/b%zz%4"); }

}  // namespace
}  // namespace conform::mock
