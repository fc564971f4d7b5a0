#include "report/duration.hpp"

#include <gtest/gtest.h>

namespace conform::report {
namespace {

TEST(Seconds, PrintsMillisecondsAsSecondsWithAPoint) {
  EXPECT_EQ(seconds(1234), "1.234");
  EXPECT_EQ(seconds(5), "0.005");
  EXPECT_EQ(seconds(-3), "0.000");
}

}  // namespace
}  // namespace conform::report
