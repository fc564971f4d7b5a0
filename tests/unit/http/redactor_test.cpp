#include "http/redactor.hpp"

#include <gtest/gtest.h>

namespace conform::http {
namespace {

TEST(Redactor, ReplacesEverySecretAndItsPercentEncodedForm) {
  Redactor redactor;
  redactor.add_secret("s3cr3t&key");
  EXPECT_EQ(redactor.redact(R"({"IntegrationKey":"s3cr3t&key"})"), R"({"IntegrationKey":"***"})");
  EXPECT_EQ(redactor.redact("IntegrationKey=s3cr3t%26key&a=1"), "IntegrationKey=***&a=1");
}

TEST(Redactor, LongerSecretWinsOverItsPrefix) {
  Redactor redactor;
  redactor.add_secret("abc");
  redactor.add_secret("abcdef");
  EXPECT_EQ(redactor.redact("x abcdef y abc"), "x *** y ***");
}

TEST(Redactor, IgnoresEmptySecrets) {
  Redactor redactor;
  redactor.add_secret("");
  EXPECT_TRUE(redactor.empty());
  EXPECT_EQ(redactor.redact("unchanged"), "unchanged");
}

TEST(Redactor, KeepsOnlyTheSchemeOfCredentialHeaders) {
  const Redactor redactor;
  const Headers redacted = redactor.redact_headers(
      {{"authorization", "Bearer mock-token"}, {"Cookie", "sid=1"}, {"Accept", "*/*"}});
  ASSERT_EQ(redacted.size(), 3u);
  EXPECT_EQ(redacted[0].second, "Bearer ***");
  EXPECT_EQ(redacted[1].second, "***");
  EXPECT_EQ(redacted[2].second, "*/*");
}

TEST(Redactor, CleansExchangesAndFindings) {
  Redactor redactor;
  redactor.add_secret("canary-42");
  Exchange exchange;
  exchange.url = "http://h/u?key=canary-42";
  exchange.request_body = "{\"Password\":\"canary-42\"}";
  exchange.response_body = "echo canary-42";
  redactor.redact_in_place(exchange);
  EXPECT_EQ(exchange.url, "http://h/u?key=***");
  EXPECT_EQ(exchange.request_body, "{\"Password\":\"***\"}");
  EXPECT_EQ(exchange.response_body, "echo ***");

  Finding finding;
  finding.message = "value canary-42 is wrong";
  finding.actual = "canary-42";
  redactor.redact_in_place(finding);
  EXPECT_EQ(finding.message, "value *** is wrong");
  EXPECT_EQ(finding.actual, "***");
}

}  // namespace
}  // namespace conform::http
