#include "mock/chunked_body.hpp"

#include <gtest/gtest.h>

#include <string>

namespace conform::mock {
namespace {

TEST(ChunkedBody, DecodesByteByByteAndLeavesWhatFollows) {
  const std::string wire = "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\nNEXT";
  ChunkedBody body(100, 100);
  std::size_t used = 0;
  for (std::size_t i = 0; i < wire.size() && body.state() == ChunkedBody::State::more; ++i) {
    used += body.feed(std::string_view(wire).substr(i, 1));
  }
  EXPECT_EQ(body.state(), ChunkedBody::State::done);
  EXPECT_EQ(body.body(), "hello world");
  EXPECT_EQ(wire.substr(used), "NEXT");
}

// Regression: a 400 MiB chunked body was read whole (894 MB RSS) before the 413.
TEST(ChunkedBody, StopsAtTheLimitBeforeReadingTheChunk) {
  ChunkedBody body(10, 100);
  EXPECT_EQ(body.feed("8\r\n12345678\r\n"), 13u);
  EXPECT_EQ(body.state(), ChunkedBody::State::more);
  body.feed("3\r\n");
  EXPECT_EQ(body.state(), ChunkedBody::State::too_large);
  ChunkedBody huge(10, 100);
  huge.feed("fffffffffffffff\r\n");
  EXPECT_EQ(huge.state(), ChunkedBody::State::too_large);
}

TEST(ChunkedBody, RefusesMalformedFraming) {
  for (const char* wire : {"x\r\n", "\r\n", "5\r\nhelloX\r\n", "ffffffffffffffff0\r\n"}) {
    ChunkedBody body(1000, 100);
    body.feed(wire);
    EXPECT_EQ(body.state(), ChunkedBody::State::malformed) << wire;
  }
  ChunkedBody long_line(1000, 8);
  long_line.feed("1;aaaaaaaaaaaaaaaa");
  EXPECT_EQ(long_line.state(), ChunkedBody::State::malformed);
  ChunkedBody long_trailer(1000, 8);
  long_trailer.feed("0\r\nTrailer: aaaaaaaaaaaa");
  EXPECT_EQ(long_trailer.state(), ChunkedBody::State::too_large);
}

}  // namespace
}  // namespace conform::mock
