#include "report/redaction.hpp"

#include <gtest/gtest.h>

#include "report/body_redaction.hpp"

namespace conform::report {
namespace {

TEST(Redaction, KnowsCredentialHeadersInAnyCase) {
  EXPECT_TRUE(is_credential_header("Authorization"));
  EXPECT_TRUE(is_credential_header("PROXY-AUTHORIZATION"));
  EXPECT_TRUE(is_credential_header("x-api-key"));
  EXPECT_TRUE(is_credential_header("Set-Cookie"));
  EXPECT_FALSE(is_credential_header("Content-Type"));
  EXPECT_FALSE(is_credential_header("Finix-Version"));
}

TEST(Redaction, KeepsTheSchemeOfACredential) {
  EXPECT_EQ(redact_credential("Bearer eyJhbGciOi.secret"), "Bearer ***");
  EXPECT_EQ(redact_credential("Basic dXNlcjpwYXNz"), "Basic ***");
  EXPECT_EQ(redact_credential("rawtoken"), "***");
  EXPECT_EQ(redact_credential("Bearer ***"), "Bearer ***");
}

TEST(Redaction, MasksUserInfoAndSecretQueryParameters) {
  EXPECT_EQ(redact_url("https://user:pa55@api.example.com/users/1?format=json"),
            "https://***@api.example.com/users/1?format=json");
  EXPECT_EQ(redact_url("http://h/p?access_token=abc&format=xml&IntegrationKey=k#frag"),
            "http://h/p?access_token=***&format=xml&IntegrationKey=***#frag");
  EXPECT_EQ(redact_url("http://127.0.0.1:8080/users/{id}"), "http://127.0.0.1:8080/users/{id}");
  EXPECT_EQ(redact_url("mock"), "mock");
}

TEST(Redaction, MasksCredentialsInACurlCommand) {
  EXPECT_EQ(redact_curl("curl -X PUT 'http://h/u' -H 'Authorization: Bearer s3cr3t' "
                        "-H 'Content-Type: application/json' --data-binary '{}'"),
            "curl -X PUT 'http://h/u' -H 'Authorization: Bearer ***' "
            "-H 'Content-Type: application/json' --data-binary '{}'");
  EXPECT_EQ(redact_curl("curl -u 'admin:s3cr3t' https://admin:s3cr3t@h/u?token=s3cr3t"),
            "curl -u '***' https://***@h/u?token=***");
  EXPECT_EQ(redact_curl("curl --header \"X-Api-Key: s3cr3t\" --user admin:s3cr3t http://h/"),
            "curl --header \"X-Api-Key: ***\" --user *** http://h/");
}

TEST(Redaction, LeavesACommandWithoutCredentialsAlone) {
  const std::string curl =
      "curl -X PUT 'http://127.0.0.1:1/api/Users' \\\n  -H 'Content-Type: text/xml' "
      "--data-binary '<UsersEditModels/>'";
  EXPECT_EQ(redact_curl(curl), curl);
}

TEST(Redaction, AppliesToEveryExchangeOfARun) {
  RunResult run;
  run.target = "https://user:pw@vendor.example";
  CaseResult result;
  StepResult step;
  step.exchange.url = "https://vendor.example/u?api_key=k1";
  step.exchange.request_headers = {{"authorization", "Bearer t1"}, {"Accept", "*/*"}};
  step.exchange.response_headers = {{"Set-Cookie", "session=c1"}};
  step.curl = "curl -H 'Authorization: Bearer t1' 'https://vendor.example/u?api_key=k1'";
  result.steps.push_back(step);
  run.cases.push_back(result);

  const RunResult safe = redact_secrets(run);
  const Exchange& e = safe.cases[0].steps[0].exchange;
  EXPECT_EQ(safe.target, "https://***@vendor.example");
  EXPECT_EQ(e.url, "https://vendor.example/u?api_key=***");
  EXPECT_EQ(e.request_headers[0].second, "Bearer ***");
  EXPECT_EQ(e.request_headers[1].second, "*/*");
  EXPECT_EQ(e.response_headers[0].second, "***");
  EXPECT_EQ(safe.cases[0].steps[0].curl,
            "curl -H 'Authorization: Bearer ***' 'https://vendor.example/u?api_key=***'");
}

TEST(BodyRedaction, MasksSecretNamedFieldsInJsonAtAnyDepth) {
  const Headers json = {{"Content-Type", "application/json"}};
  EXPECT_EQ(
      redact_body(
          json, R"({"Email":"a@b.c","Password":"pw1","Profile":{"TwoFactorSecret":"s"},)"
                R"("Items":[{"AccessToken":"t"}],"PasswordSalt":"***","Metadata":[{"Key":"k"}]})"),
      R"({"Email":"a@b.c","Password":"***","Profile":{"TwoFactorSecret":"***"},)"
      R"("Items":[{"AccessToken":"***"}],"PasswordSalt":"***","Metadata":[{"Key":"k"}]})");
  // Nothing to mask: the bytes stay exactly as they were, formatting included.
  const std::string plain = "{ \"Email\": \"a@b.c\",\n  \"password\": null }";
  EXPECT_EQ(redact_body(json, plain), plain);
  EXPECT_EQ(redact_body(json, "{not json, \"Password\":\"x\""), "{not json, \"Password\":\"x\"");
  // A zero with an exponent stays zero in a rewritten body (RapidJSON alone made it -2.9e-70).
  EXPECT_EQ(redact_body(json, R"({"Password":"pw1","Balance":0e305,"Rate":1.5})"),
            R"({"Password":"***","Balance":0.0,"Rate":1.5})");
}

TEST(BodyRedaction, MasksSecretNamedElementsInXml) {
  EXPECT_EQ(redact_body({{"content-type", "text/xml"}},
                        "<UsersEditModels xmlns=\"x\"><Email>a@b.c</Email><Password>pw1</Password>"
                        "<a:IntegrationKey>k</a:IntegrationKey><Password/></UsersEditModels>"),
            "<UsersEditModels xmlns=\"x\"><Email>a@b.c</Email><Password>***</Password>"
            "<a:IntegrationKey>***</a:IntegrationKey><Password/></UsersEditModels>");
}

TEST(BodyRedaction, MasksSecretNamedKeysInForms) {
  EXPECT_EQ(redact_body({{"Content-Type", "application/x-www-form-urlencoded"}},
                        "username=ada&password=pw1&resetPasswordToken=t&confirmed=true"),
            "username=ada&password=***&resetPasswordToken=***&confirmed=true");
}

TEST(BodyRedaction, ReachesTheDataOfACurlCommand) {
  EXPECT_EQ(
      redact_curl("curl -X PUT --data-binary '{\"IntegrationKey\":\"k1\",\"Id\":\"x\"}' http://h/"),
      "curl -X PUT --data-binary '{\"IntegrationKey\":\"***\",\"Id\":\"x\"}' http://h/");
}

}  // namespace
}  // namespace conform::report
