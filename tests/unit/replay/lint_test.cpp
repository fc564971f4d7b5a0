#include "replay/lint.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "replay/case_loader.hpp"
#include "support/temp_dir.hpp"

namespace conform::replay {
namespace {
namespace fs = std::filesystem;

class LintTest : public ::testing::Test {
 protected:
  LintTest()
      : catalog_(contracts::Catalog::load(CONFORM_SCHEMAS_DIR)),
        loader_(catalog_->registry(), CONFORM_CASES_DIR) {
    fs::create_directories(dir_ / "bodies");
  }

  fs::path write(const std::string& name, const std::string& text) {
    const fs::path file = dir_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

  // Loads `text` as a case file and lints it against `catalog` (the shipped one unless named).
  Findings lint(const std::string& text, const contracts::Catalog* catalog = nullptr) {
    const auto loaded = loader_.load_case(write("case.json", text));
    EXPECT_TRUE(loaded.value) << (loaded.findings.empty() ? "" : loaded.findings[0].message);
    if (!loaded.value) return loaded.findings;
    return lint_case(*loaded.value, loaded.source, catalog ? *catalog : *catalog_);
  }

  static std::vector<std::string> keywords(const Findings& findings) {
    std::vector<std::string> out;
    for (const auto& finding : findings) out.push_back(finding.keyword + " " + finding.pointer);
    return out;
  }

  test::TempDir tmp_;
  const fs::path dir_ = tmp_.path();
  std::shared_ptr<contracts::Catalog> catalog_;
  // The test-only vendor (tests/data/vendors/acme), for the lint rules that are no vendor's.
  std::shared_ptr<contracts::Catalog> acme_ =
      contracts::Catalog::load(CONFORM_TESTS_DIR "/data/vendors");
  CaseLoader loader_;
};

// The shipped cases are the examples users copy: lint finds nothing in them (the vendors'
// documentation samples mask their passwords and salts as "********", a placeholder).
TEST_F(LintTest, ShippedCasesAreClean) {
  Findings problems;
  for (const auto& file : discover_case_files({CONFORM_CASES_DIR}, problems)) {
    const auto loaded = loader_.load_case(file);
    ASSERT_TRUE(loaded.value) << file;
    for (const auto& finding : lint_case(*loaded.value, loaded.source, *catalog_)) {
      ADD_FAILURE() << file << ": " << finding.keyword << " " << finding.pointer << ": "
                    << finding.message;
    }
  }
}

TEST_F(LintTest, LiteralCredentialsInEverySourceAreWarnedAboutWithTheirPlace) {
  write("bodies/login.xml",
        "<User><Name>a</Name><TwoFactorSecret>JBSWY3DPEHPK3PXP</TwoFactorSecret></User>");
  const Findings findings = lint(R"({
  "name": "leaky", "vendor": "formsonfire",
  "vars": {"api_token": "tok-123456", "team": "blue"},
  "steps": [
    {"method": "POST", "path": "/users", "headers": {"Authorization": "Bearer s3cr3t-live-token"},
     "body": {"CompanyId": 1, "IntegrationKey": "ik-live-1234", "User": {"Password": "hunter2",
              "PasswordSalt": "salt-9"}}, "expect": {"status": 200}},
    {"method": "POST", "path": "/users", "auth": {"token": "live-token-77"},
     "format": "form", "body": "Email=a%40b.c&Password=hunter2", "expect": {"status": 200}},
    {"method": "POST", "path": "/users", "format": "xml", "body_file": "bodies/login.xml",
     "expect": {"status": 200}}
  ]
})");
  EXPECT_EQ(keywords(findings), (std::vector<std::string>{
                                    "literal-secret /vars/api_token",
                                    "literal-secret /steps/0/headers/Authorization",
                                    "literal-secret /steps/0/body/IntegrationKey",
                                    "literal-secret /steps/0/body/User/Password",
                                    "literal-secret /steps/0/body/User/PasswordSalt",
                                    "literal-secret /steps/1/auth/token",
                                    "literal-secret /steps/1/body",
                                    "literal-secret /steps/2/body_file",
                                }));
  for (const auto& finding : findings) {
    EXPECT_EQ(finding.severity, Severity::warning);
    EXPECT_GT(finding.line, 0) << finding.pointer;
    EXPECT_NE(finding.message.find("${NAME}"), std::string::npos) << finding.message;
    // The warning must not repeat the secret it warns about.
    for (const char* secret : {"s3cr3t", "hunter2", "ik-live", "JBSWY3", "tok-123"}) {
      EXPECT_EQ(finding.message.find(secret), std::string::npos) << finding.message;
    }
  }
}

TEST_F(LintTest, VariablesDeliberatelyWrongValuesPlaceholdersAndPublishedTestCredentialsAreFine) {
  EXPECT_TRUE(is_literal_secret("Bearer abc"));
  EXPECT_TRUE(is_literal_secret("${user}:pass"));
  EXPECT_FALSE(is_literal_secret("Bearer ${token}"));
  EXPECT_FALSE(is_literal_secret("${token}"));
  EXPECT_FALSE(is_literal_secret("  "));
  const Findings findings = lint(R"({
  "name": "fine", "vendor": "msp360",
  "steps": [
    {"method": "PUT", "path": "/api/Users", "headers": {"Authorization": "Bearer ${token}"},
     "body": {"Password": "${password}"}, "expect": {"status": 200}},
    {"method": "PUT", "path": "/api/Users", "auth": {"token": "wrong-token"},
     "expect": {"status": 401}},
    {"method": "PUT", "path": "/api/Users", "auth": {"token": "mock-token"},
     "expect": {"status": 200}},
    {"method": "PUT", "path": "/api/Users", "auth": {"token": "mock-token"},
     "body": {"Password": "********", "PasswordSalt": " *** ", "NewPassword": "sample string 7"},
     "expect": {"status": 200}}
  ]
})");
  EXPECT_TRUE(findings.empty()) << findings[0].pointer << ": " << findings[0].message;
}

TEST_F(LintTest, AHeaderLeftOutOnPurposeIsClean) {
  const Findings findings = lint(R"({
  "name": "no version", "vendor": "acme",
  "steps": [{"method": "PATCH", "path": "/v2/members/1", "headers": {"Acme-Api-Version": null},
             "body": {"active": true}, "expect": {"status": 400}}]
})",
                                 acme_.get());
  EXPECT_TRUE(findings.empty()) << findings[0].pointer << ": " << findings[0].message;
}

TEST_F(LintTest, UnknownVendorAndUndocumentedMessageAreErrors) {
  const auto loaded = loader_.load_case(write("case.json", R"({
  "name": "typos", "vendor": "acmee",
  "steps": [{"method": "PATCH", "path": "/v2/members/1", "expect": {"status": 200}}]
})"));
  ASSERT_TRUE(loaded.value);
  const Findings vendor = lint_case(*loaded.value, loaded.source, *acme_);
  ASSERT_EQ(vendor.size(), 1u);
  EXPECT_EQ(vendor[0].severity, Severity::error);
  EXPECT_EQ(vendor[0].keyword, "vendor");
  EXPECT_NE(vendor[0].message.find("did you mean \"acme\"?"), std::string::npos)
      << vendor[0].message;
  EXPECT_EQ(vendor[0].line, 2);

  const Findings message = lint(R"({
  "name": "typos", "vendor": "acme",
  "steps": [{"method": "PATCH", "path": "/v2/members/1", "expect": {"status": 418, "schema": "response:418"}},
            {"method": "PATCH", "path": "/v2/members/1", "expect": {"status": 400, "schema": "response:400"}}]
})",
                                acme_.get());
  EXPECT_EQ(keywords(message), (std::vector<std::string>{"message /steps/0/expect/schema"}));
  ASSERT_FALSE(message.empty());
  EXPECT_EQ(message[0].severity, Severity::error);
  EXPECT_NE(message[0].message.find("acme documents no message \"response:418\"; documented: "
                                    "request, response:200"),
            std::string::npos)
      << message[0].message;
}

TEST_F(LintTest, ACaptureNoLaterStepReadsIsAWarning) {
  const Findings findings = lint(R"({
  "name": "captures", "vendor": "acme",
  "steps": [
    {"method": "PATCH", "path": "/v2/members/${member}", "body": {"active": true},
     "capture": {"used": {"pointer": "/updated_at"}, "unused": {"pointer": "/member_id"}}},
    {"method": "GET", "path": "/v2/members/${member}",
     "expect": {"assert": [{"pointer": "/updated_at", "equals": "${used}"}]},
     "capture": {"last": {"header": "ETag"}}}
  ]
})",
                                 acme_.get());
  EXPECT_EQ(keywords(findings), (std::vector<std::string>{"unused-capture /steps/0/capture/unused",
                                                          "unused-capture /steps/1/capture/last"}));
}

}  // namespace
}  // namespace conform::replay
