// Case files whose bodies carry canary secrets, for the tests that prove a secret never
// leaves conform (replay's outputs, the proxy's log, reports and snapshots). Each canary is a
// value of a member the vendor's manifest marks secret.
#pragma once

namespace conform::test {

inline constexpr const char* kCanaryJsonMembersCase = R"({
  "name": "secret members of a JSON body", "vendor": "nexudus",
  "steps": [{"method": "PUT", "path": "/api/sys/users",
             "body": {"Id": "${user_id|json}", "FullName": "Canary", "Email": "c@example.com",
                      "Password": "canary-pw-9973", "PasswordSalt": "canary-salt-5772",
                      "TwoFactorSecret": "canary-2fa-1414"},
             "expect": {"status": 500}}]
})";

inline constexpr const char* kCanaryXmlMemberCase = R"({
  "name": "an integration key in an XML body", "vendor": "formsonfire",
  "steps": [{"method": "PUT", "path": "/api/v2/user", "query": {"format": "xml"}, "format": "xml",
             "body": "<User><CompanyId>${CompanyId}</CompanyId><Id>${user_id}</Id><IntegrationKey>canary-ik-xml-1732</IntegrationKey><FirstName>Mc</FirstName></User>",
             "expect": {"status": 500}}]
})";

}  // namespace conform::test
