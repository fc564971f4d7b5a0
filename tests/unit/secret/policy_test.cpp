#include "secret/policy.hpp"

#include <gtest/gtest.h>

namespace conform::secret {
namespace {

// Before the one policy, three modules each kept a credential header list: the HTTP client's
// redactor (7 names), the reports' redaction (9) and the case linter (5). The policy answers
// for their union, so no header any of them masked now reaches a report or log unmasked.
TEST(Policy, CoversEveryFormerCredentialHeaderList) {
  const Policy policy;
  const char* const http_redactor[] = {"authorization", "proxy-authorization", "cookie",
                                       "set-cookie",    "x-api-key",           "api-key",
                                       "x-auth-token"};
  const char* const report_redaction[] = {"authorization", "proxy-authorization", "cookie",
                                          "set-cookie",    "x-api-key",           "api-key",
                                          "x-auth-token",  "x-access-token",      "private-token"};
  const char* const replay_lint[] = {"authorization", "proxy-authorization", "cookie", "x-api-key",
                                     "api-key"};
  for (const char* name : http_redactor) EXPECT_TRUE(policy.is_credential_header(name)) << name;
  for (const char* name : report_redaction) EXPECT_TRUE(policy.is_credential_header(name)) << name;
  for (const char* name : replay_lint) EXPECT_TRUE(policy.is_credential_header(name)) << name;
}

// The reports' old parameter words included a vendor's member name; it now comes from that
// vendor's manifest ("secrets"), and the words that say what they hold still count alone.
TEST(Policy, SecretWordsAloneAndManifestNamesFromTheManifest) {
  Policy policy;
  for (const char* name : {"token", "password", "secret", "apikey", "api_key", "api-key"}) {
    EXPECT_TRUE(policy.is_secret_parameter(name)) << name;
  }
  for (const char* name : {"key", "sig", "signature"}) {
    EXPECT_TRUE(policy.is_secret_parameter(name)) << name;
  }
  EXPECT_FALSE(policy.is_secret_member("IntegrationKey"));
  policy.add_member_names({"IntegrationKey"});
  EXPECT_TRUE(policy.is_secret_member("integrationkey"));
  EXPECT_TRUE(policy.is_secret_parameter("INTEGRATIONKEY"));
}

}  // namespace
}  // namespace conform::secret
