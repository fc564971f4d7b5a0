#include "mock/request_head.hpp"

#include <gtest/gtest.h>

#include <string>

namespace conform::mock {
namespace {

RequestHead head_of(const std::string& fields, const HeadLimits& limits = {}) {
  const std::string text = "PUT /users/1 HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n";
  EXPECT_EQ(head_end(text + "rest"), text.size());
  return read_request_head(text, limits);
}

TEST(RequestHead, FindsTheEndOfTheHeadOnlyWhenItHasArrived) {
  EXPECT_EQ(head_end("GET / HTTP/1.1\r\nHost: a\r\n"), std::string::npos);
  EXPECT_EQ(head_end("GET / HTTP/1.1\r\n\r\nGET"), 18u);
  EXPECT_EQ(head_end("GET / HTTP/1.1\r\n\r\nGET", 14), 18u);
}

TEST(RequestHead, ReadsTheFramingAndLeavesItOutOfTheUnframedHead) {
  const RequestHead head = head_of("Content-Length: 18\r\nExpect: 100-continue\r\nX-A: 1\r\n");
  EXPECT_EQ(head.status, 0) << head.problem;
  EXPECT_FALSE(head.chunked);
  EXPECT_EQ(head.content_length, 18u);
  EXPECT_TRUE(head.expect_continue);
  EXPECT_EQ(head.unframed, "PUT /users/1 HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n");
  const RequestHead chunked = head_of("Transfer-Encoding: Chunked\r\n");
  EXPECT_EQ(chunked.status, 0) << chunked.problem;
  EXPECT_TRUE(chunked.chunked);
}

// RFC 9112 §6.3: a Content-Length that is not one number of digits, or one beside a
// Transfer-Encoding, makes the message's length ambiguous: 400.
TEST(RequestHead, RefusesAmbiguousLengths) {
  for (const char* length : {"18abc", "+18", "18, 18", "0x12", "-1", "", "1 8"}) {
    const RequestHead head = head_of(std::string("Content-Length: ") + length + "\r\n");
    EXPECT_EQ(head.status, 400) << length;
  }
  EXPECT_EQ(head_of("Content-Length: 18\r\nContent-Length: 18\r\n").status, 400);
  EXPECT_EQ(head_of("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n").status, 400);
  EXPECT_EQ(head_of("Transfer-Encoding: gzip, chunked\r\n").status, 501);
  EXPECT_EQ(head_of("Transfer-Encoding:\r\n").status, 501);
  EXPECT_EQ(head_of("Content-Length: 5\r\nTransfer-Encoding:\r\n").status, 400);
}

TEST(RequestHead, RefusesMalformedFields) {
  EXPECT_EQ(head_of("X-A : 1\r\n").status, 400);
  EXPECT_EQ(head_of("X-A: 1\r\n folded\r\n").status, 400);
  EXPECT_EQ(head_of(std::string("X-A: a\0b\r\n", 10)).status, 400);
  EXPECT_EQ(head_of("X-A: a\rb\r\n").status, 400);
  // cpp-httplib would read a field after a bare LF that this reader would not frame by.
  EXPECT_EQ(head_of("X-A: a\nContent-Length: 5\r\n").status, 400);
  EXPECT_EQ(read_request_head("PUT / HTTP/1.1\nContent-Length: 5\r\n\r\n", {}).status, 400);
  EXPECT_EQ(head_of("no colon\r\n").status, 400);
}

TEST(RequestHead, CapsFieldsHeadBytesAndTheRequestLine) {
  HeadLimits limits;
  limits.max_fields = 3;
  EXPECT_EQ(head_of("A: 1\r\nB: 2\r\n", limits).status, 0);
  EXPECT_EQ(head_of("A: 1\r\nB: 2\r\nC: 3\r\n", limits).status, 431);
  limits = {};
  limits.max_head_bytes = 100;
  EXPECT_EQ(head_of("A: " + std::string(100, 'x') + "\r\n", limits).status, 431);
  limits = {};
  limits.max_request_line = 10;
  EXPECT_EQ(head_of("", limits).status, 414);
}

}  // namespace
}  // namespace conform::mock
