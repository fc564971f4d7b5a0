#include "secret/masker.hpp"

#include <gtest/gtest.h>

namespace conform::secret {
namespace {

const Headers kJson = {{"Content-Type", "application/json"}};

Masker with_member_names(std::vector<std::string> names) {
  Policy policy;
  policy.add_member_names(names);
  return Masker(policy);
}

TEST(Policy, KnowsCredentialHeadersInAnyCase) {
  const Policy policy;
  EXPECT_TRUE(policy.is_credential_header("Authorization"));
  EXPECT_TRUE(policy.is_credential_header("PROXY-AUTHORIZATION"));
  EXPECT_TRUE(policy.is_credential_header("x-api-key"));
  EXPECT_TRUE(policy.is_credential_header("Set-Cookie"));
  EXPECT_TRUE(policy.is_credential_header("X-Client-Secret"));
  EXPECT_TRUE(policy.is_credential_header("X-Auth-Token"));
  EXPECT_FALSE(policy.is_credential_header("Content-Type"));
  EXPECT_FALSE(policy.is_credential_header("Finix-Version"));
}

TEST(Policy, SecretMemberNamesComeFromTheirWordsAndTheManifests) {
  Policy policy;
  EXPECT_TRUE(policy.is_secret_member("PasswordSalt"));
  EXPECT_TRUE(policy.is_secret_member("resetPasswordToken"));
  EXPECT_TRUE(policy.is_secret_member("pw"));
  EXPECT_FALSE(policy.is_secret_member("Key"));
  EXPECT_FALSE(policy.is_secret_member("EmailCallBackGuid"));
  policy.add_member_names({"EmailCallBackGuid"});
  EXPECT_TRUE(policy.is_secret_member("emailcallbackguid"));
  EXPECT_TRUE(policy.is_secret_parameter("key"));
  EXPECT_FALSE(policy.is_secret_parameter("format"));
}

TEST(Masker, ReplacesEverySecretAndItsPercentEncodedForm) {
  Masker masker;
  masker.add_secret("s3cr3t&key");
  EXPECT_EQ(masker.mask_text(R"({"IntegrationKey":"s3cr3t&key"})"), R"({"IntegrationKey":"***"})");
  EXPECT_EQ(masker.mask_text("IntegrationKey=s3cr3t%26key&a=1"), "IntegrationKey=***&a=1");
  EXPECT_EQ(masker.mask_text("IntegrationKey=s3cr3t%26key&a=1"), "IntegrationKey=***&a=1");
  EXPECT_EQ(masker.mask_text("k=s3cr3t%26key"), "k=***");
}

TEST(Masker, MasksEveryEncodedForm) {
  Masker masker;
  const std::string secret = "K<&>\"q '1";
  masker.add_secret(secret);
  for (const std::string& form :
       {secret, std::string(R"(K<&>\"q '1)"), std::string("K&lt;&amp;&gt;&quot;q &apos;1"),
        std::string("K%3C%26%3E%22q%20%271"), std::string("K%3c%26%3e%22q%20%271"),
        std::string("K%3C%26%3E%22q+%271"), std::string("K<&>\"q '\\''1")}) {
    EXPECT_EQ(masker.mask_text("[" + form + "]"), "[***]") << form;
  }
  EXPECT_EQ(masker.mask_text("Authorization: Basic dXNlcjpwYXNz"), "Authorization: Basic ***");
}

TEST(Masker, LongerSecretWinsOverItsPrefix) {
  Masker masker;
  masker.add_secret("abcd");
  masker.add_secret("abcdef");
  EXPECT_EQ(masker.mask_text("x abcdef y abcd"), "x *** y ***");
}

TEST(Masker, ShortSecretsAreMaskedOnlyWhereTheyStandWhole) {
  Masker masker;
  masker.add_secret("s");
  masker.add_secret("u");
  masker.add_secret("p");
  EXPECT_EQ(masker.mask_text("https://example/Status"), "https://example/Status");
  EXPECT_EQ(masker.mask_body(kJson, R"({"Status":"s","WasSuccessful":true,"PasswordSalt":"s"})"),
            R"({"Status":"***","WasSuccessful":true,"PasswordSalt":"***"})");
  EXPECT_EQ(masker.mask_url("https://h/users/p?u=u&x=sus"), "https://h/users/***?u=***&x=sus");
  EXPECT_EQ(masker.mask_header("Accept", "p"), "***");
}

TEST(Masker, IgnoresEmptySecrets) {
  Masker masker;
  masker.add_secret("");
  EXPECT_FALSE(masker.has_secrets());
  EXPECT_EQ(masker.mask_text("unchanged"), "unchanged");
}

TEST(Masker, KeepsOnlyTheSchemeOfCredentialHeaders) {
  const Masker masker;
  const Headers masked = masker.mask_headers({{"authorization", "Bearer mock-token"},
                                              {"Cookie", "sid=1"},
                                              {"Accept", "*/*"},
                                              {"X-Client-Secret", "cs-1"}});
  ASSERT_EQ(masked.size(), 4u);
  EXPECT_EQ(masked[0].second, "Bearer ***");
  EXPECT_EQ(masked[1].second, "***");
  EXPECT_EQ(masked[2].second, "*/*");
  EXPECT_EQ(masked[3].second, "***");
  EXPECT_EQ(masker.mask_header("Authorization", "Basic dXNlcjpwYXNz"), "Basic ***");
  EXPECT_EQ(masker.mask_header("Authorization", "rawtoken"), "***");
  EXPECT_EQ(masker.mask_header("Authorization", "Bearer ***"), "Bearer ***");
}

TEST(Masker, CleansExchangesAndFindings) {
  Masker masker;
  masker.add_secret("canary-42");
  Exchange exchange;
  exchange.url = "http://h/u?key=canary-42";
  exchange.request_body = "{\"Password\":\"canary-42\"}";
  exchange.response_body = "echo canary-42";
  masker.mask(exchange);
  EXPECT_EQ(exchange.url, "http://h/u?key=***");
  EXPECT_EQ(exchange.request_body, "{\"Password\":\"***\"}");
  EXPECT_EQ(exchange.response_body, "echo ***");

  Finding finding;
  finding.message = "value canary-42 is wrong";
  finding.actual = "canary-42";
  masker.mask(finding);
  EXPECT_EQ(finding.message, "value *** is wrong");
  EXPECT_EQ(finding.actual, "***");
}

TEST(Masker, MasksUserInfoAndSecretQueryParameters) {
  const Masker masker = with_member_names({"IntegrationKey"});
  EXPECT_EQ(masker.mask_url("https://user:pa55@api.example.com/users/1?format=json"),
            "https://***@api.example.com/users/1?format=json");
  EXPECT_EQ(masker.mask_url("http://h/p?access_token=abc&format=xml&IntegrationKey=k#frag"),
            "http://h/p?access_token=***&format=xml&IntegrationKey=***#frag");
  EXPECT_EQ(masker.mask_url("http://h/p?%74oken=abc&pw=x"), "http://h/p?%74oken=***&pw=***");
  EXPECT_EQ(masker.mask_url("http://127.0.0.1:8080/users/{id}"),
            "http://127.0.0.1:8080/users/{id}");
  EXPECT_EQ(masker.mask_url("mock"), "mock");
}

TEST(Masker, MasksCredentialsInACurlCommand) {
  const Masker masker;
  EXPECT_EQ(masker.mask_curl("curl -X PUT 'http://h/u' -H 'Authorization: Bearer s3cr3t' "
                             "-H 'Content-Type: application/json' --data-binary '{}'"),
            "curl -X PUT 'http://h/u' -H 'Authorization: Bearer ***' "
            "-H 'Content-Type: application/json' --data-binary '{}'");
  // The user name is an identifier, not a secret.
  EXPECT_EQ(masker.mask_curl("curl -u 'admin:s3cr3t' https://admin:s3cr3t@h/u?token=s3cr3t"),
            "curl -u 'admin:***' https://***@h/u?token=***");
  EXPECT_EQ(masker.mask_curl("curl --header \"X-Api-Key: s3cr3t\" --user admin:s3cr3t http://h/"),
            "curl --header \"X-Api-Key: ***\" --user admin:*** http://h/");
}

TEST(Masker, LeavesACommandWithoutCredentialsAlone) {
  const std::string curl =
      "curl -X PUT 'http://127.0.0.1:1/api/Users' \\\n  -H 'Content-Type: text/xml' "
      "--data-binary '<UsersEditModels/>'";
  EXPECT_EQ(Masker().mask_curl(curl), curl);
}

TEST(Masker, MasksSecretNamedFieldsInJsonAtAnyDepth) {
  const Masker masker;
  EXPECT_EQ(
      masker.mask_body(
          kJson, R"({"Email":"a@b.c","Password":"pw1","Profile":{"TwoFactorSecret":"s"},)"
                 R"("Items":[{"AccessToken":"t"}],"PasswordSalt":"***","Metadata":[{"Key":"k"}]})"),
      R"({"Email":"a@b.c","Password":"***","Profile":{"TwoFactorSecret":"***"},)"
      R"("Items":[{"AccessToken":"***"}],"PasswordSalt":"***","Metadata":[{"Key":"k"}]})");
  // Nothing to mask: the bytes stay exactly as they were, formatting included.
  const std::string plain = "{ \"Email\": \"a@b.c\",\n  \"password\": null }";
  EXPECT_EQ(masker.mask_body(kJson, plain), plain);
  // Not JSON at all: masked all the same (it used to come back unchanged).
  EXPECT_EQ(masker.mask_body(kJson, "{not json, \"Password\":\"x\""),
            "{not json, \"Password\":\"***\"");
  // Numbers stay as written (a rewrite through RapidJSON made 0e305 read -2.9e-70).
  EXPECT_EQ(masker.mask_body(kJson, R"({"Password":"pw1","Balance":0e305,"Rate":1.5})"),
            R"({"Password":"***","Balance":0e305,"Rate":1.5})");
}

TEST(Masker, NeverGivesUpOnABodyAndKeepsItJson) {
  Masker masker;
  masker.add_secret("12345");
  masker.add_secret("K<&>\"q");
  // The secret number is masked as a string (the body stays JSON), the escaped secret under a
  // member that is not secret is masked too, and names are never touched.
  EXPECT_EQ(masker.mask_body(kJson, R"({"CompanyId":12345,"FirstName":"K<&>\"q","Name":"x"})"),
            R"({"CompanyId":"***","FirstName":"***","Name":"x"})");
  EXPECT_EQ(masker.mask_body(kJson, R"({"Note":"a K<&>\"q b"})"), R"({"Note":"a *** b"})");
  // A secret member holding an object or array: every value inside, names kept.
  EXPECT_EQ(masker.mask_body(kJson, R"({"Secrets":{"a":1,"b":["x"]},"c":2})"),
            R"({"Secrets":{"a":"***","b":["***"]},"c":2})");
}

TEST(Masker, ASecretWrittenUnescapedIntoABodyIsMaskedBeforeItSplitsTheTokens) {
  Masker masker;
  masker.add_secret("K<&>\"q\\ key");
  masker.add_secret("98765");
  EXPECT_EQ(masker.mask_body({{"Content-Type", "application/xml"}},
                             "<U><CompanyId>98765</CompanyId><IntegrationKey>K<&>\"q\\ "
                             "key</IntegrationKey></U>"),
            "<U><CompanyId>***</CompanyId><IntegrationKey>***</IntegrationKey></U>");
  EXPECT_EQ(masker.mask_body(kJson, "{\"A\":\"K<&>\"q\\ key\",\"CompanyId\":98765,\"B\":1987654}"),
            R"({"A":"***","CompanyId":"***","B":1987654})");
}

TEST(Masker, NamesAreNeverMaskedEvenWhenASecretSpellsPartOfOne) {
  Masker masker;
  masker.add_secret("Name");
  masker.add_secret("Status");
  EXPECT_EQ(masker.mask_body(kJson, R"({"FullName":"Ada","Status":"Name","Note":"a Status"})"),
            R"({"FullName":"Ada","Status":"***","Note":"a ***"})");
  EXPECT_EQ(masker.mask_body({}, "<User><FullName>Name</FullName></User>"),
            "<User><FullName>***</FullName></User>");
}

TEST(Masker, MasksSecretNamedElementsInXml) {
  const Masker masker = with_member_names({"IntegrationKey"});
  EXPECT_EQ(
      masker.mask_body({{"content-type", "text/xml"}},
                       "<UsersEditModels xmlns=\"x\"><Email>a@b.c</Email><Password>pw1</Password>"
                       "<a:IntegrationKey>k</a:IntegrationKey><Password/></UsersEditModels>"),
      "<UsersEditModels xmlns=\"x\"><Email>a@b.c</Email><Password>***</Password>"
      "<a:IntegrationKey>***</a:IntegrationKey><Password/></UsersEditModels>");
  Masker known;
  known.add_secret("K<&>\"q");
  EXPECT_EQ(known.mask_body({}, "<U><FirstName>K&lt;&amp;&gt;&quot;q</FirstName></U>"),
            "<U><FirstName>***</FirstName></U>");
}

TEST(Masker, MasksSecretNamedKeysInForms) {
  const Masker masker;
  EXPECT_EQ(masker.mask_body({{"Content-Type", "application/x-www-form-urlencoded"}},
                             "username=ada&password=pw1&resetPasswordToken=t&confirmed=true"),
            "username=ada&password=***&resetPasswordToken=***&confirmed=true");
}

TEST(Masker, ReachesTheDataOfACurlCommand) {
  const Masker masker = with_member_names({"IntegrationKey"});
  EXPECT_EQ(masker.mask_curl(
                "curl -X PUT --data-binary '{\"IntegrationKey\":\"k1\",\"Id\":\"x\"}' http://h/"),
            "curl -X PUT --data-binary '{\"IntegrationKey\":\"***\",\"Id\":\"x\"}' http://h/");
}

}  // namespace
}  // namespace conform::secret
