#include "mock/access_log.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace conform::mock {
namespace {

TEST(AccessLog, ALineIsMethodPathStatusAndMilliseconds) {
  EXPECT_EQ(access_log_line("PUT", "/finix/users/US1", 200, 1.26, {}),
            "PUT /finix/users/US1 200 1.3ms");
}

TEST(AccessLog, SecretQueryValuesAreRedacted) {
  EXPECT_EQ(access_log_line("PUT", "/api/v2/user?format=json&IntegrationKey=abc&api_token=t", 401,
                            0, {"IntegrationKey"}),
            "PUT /api/v2/user?format=json&IntegrationKey=***&api_token=*** 401 0.0ms");
  EXPECT_EQ(access_log_line("GET", "/x?Password=hunter2", 0, 0, {"Password"}),
            "GET /x?Password=*** 0 0.0ms");
}

TEST(AccessLog, PercentEncodedAndShortSecretNamesAreRedactedToo) {
  EXPECT_EQ(access_log_line("GET", "/x?%74oken=abc&pw=hunter2&PWD=a&Pass%77ord=b", 200, 0, {}),
            "GET /x?%74oken=***&pw=***&PWD=***&Pass%77ord=*** 200 0.0ms");
  EXPECT_EQ(access_log_line("GET", "/x?EmailCallBackGuid=g", 200, 0, {"EmailCallBackGuid"}),
            "GET /x?EmailCallBackGuid=*** 200 0.0ms");
}

TEST(AccessLog, ControlCharactersInTheTargetAreEscaped) {
  EXPECT_EQ(access_log_line("GET", "/a\x1b[31mred\r\nPUT /forged 200", 404, 0, {}),
            "GET /a\\x1B[31mred\\x0D\\x0APUT /forged 200 404 0.0ms");
  EXPECT_EQ(access_log_line("GET",
                            "/\xE2\x80\xAE"
                            "evil\xC2\x9B\xFF",
                            404, 0, {}),
            "GET /\\u{202E}evil\\u{009B}\\xFF 404 0.0ms");
}

TEST(AccessLog, WritesOneLinePerRequest) {
  std::ostringstream out;
  AccessLog log(&out, {});
  log.write("GET", "/a", 404, 0.5);
  log.write("PUT", "/b", 200, 2);
  EXPECT_EQ(out.str(), "GET /a 404 0.5ms\nPUT /b 200 2.0ms\n");
}

}  // namespace
}  // namespace conform::mock
