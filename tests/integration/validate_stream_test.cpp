// `producer | conform validate --ndjson -`: each line's verdict comes out as the line
// arrives, not when the stream ends or a buffer fills.
#include <gtest/gtest.h>

#include <string>

#include "support/conform_process.hpp"

namespace conform {
namespace {

// The test-only vendor (tests/data/vendors/acme): streaming is no vendor's behaviour.
TEST(ValidateStream, EachLineOfASlowStreamIsJudgedAsItArrives) {
  for (const char* jobs : {"1", "2"}) {
    test::ConformProcess conform({"validate", "acme", "request", "--schemas",
                                  CONFORM_TESTS_DIR "/data/vendors", "--ndjson", "--output", "json",
                                  "--jobs", jobs, "-"});
    conform.write_input("{\"active\":1}\n");
    const std::string first = conform.first_line(30);
    EXPECT_NE(first.find("\"line\":1,\"valid\":false"), std::string::npos)
        << "--jobs " << jobs << ": the first line's verdict did not come before the second "
        << "line was sent; got: " << first;
    conform.write_input("{\"active\":true}\r\n\n");
    const std::string second = conform.first_line(30);
    EXPECT_NE(second.find("\"line\":2,\"valid\":true"), std::string::npos)
        << "--jobs " << jobs << ": " << second;
    conform.close_input();
    EXPECT_EQ(conform.wait(30), 1) << "--jobs " << jobs << ": one payload was invalid";
  }
}

}  // namespace
}  // namespace conform
