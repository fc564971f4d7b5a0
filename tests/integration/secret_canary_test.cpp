// Secret canaries from every source a secret reaches conform by: an environment variable
// (live credentials), a `secret` line of a --vars-file, an Authorization header written in a
// case, and secret body members (Password, PasswordSalt, TwoFactorSecret, IntegrationKey) in
// JSON, XML and form bodies. Every case fails on purpose, so the console prints exchanges and
// curl reproducers; no canary may show in stdout, stderr, any report file (report.json,
// junit.xml, report.tap, summary.md, report.html), the snapshots `record` writes, the mock's
// log or its --state file, raw or in any encoding (each canary's tail survives every encoding:
// JSON, XML and HTML escaping, percent-encoding). validate's SARIF and GitHub output too.
// (replay_mock_test.cpp covers --secret-var in a body and the mock profile's credentials.)
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "codec/rapidjson.hpp"
#include "contracts/catalog.hpp"
#include "mock/server.hpp"
#include "support/canary_cases.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/scoped_env.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {
using test::run_conform;
using test::TempDir;
namespace fs = std::filesystem;

using conform::test::read_file;

std::string base64(const std::string& text) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(text[i]) << 16) |
                       (static_cast<unsigned char>(text[i + 1]) << 8) |
                       static_cast<unsigned char>(text[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(n >> shift) & 63];
  }
  if (i + 1 == text.size()) {
    const unsigned n = static_cast<unsigned char>(text[i]) << 16;
    out += std::string{kAlphabet[(n >> 18) & 63], kAlphabet[(n >> 12) & 63]} + "==";
  } else if (i + 2 == text.size()) {
    const unsigned n = (static_cast<unsigned char>(text[i]) << 16) |
                       (static_cast<unsigned char>(text[i + 1]) << 8);
    out += std::string{kAlphabet[(n >> 18) & 63], kAlphabet[(n >> 12) & 63],
                       kAlphabet[(n >> 6) & 63]} +
           "=";
  }
  return out;
}

using conform::test::ScopedEnv;

class SecretCanary : public ::testing::Test {
 protected:
  SecretCanary() {
    mock::MockOptions options;
    options.access_log = &log_;
    options.state_file = dir_.path() + "/mock-state.json";
    server_ =
        std::make_unique<mock::MockServer>(contracts::Catalog::load(CONFORM_SCHEMAS_DIR), options);
    server_->start();
  }

  // No canary in the output, the reports (every file, at any depth, of every folder given),
  // the mock's log or its state file.
  void expect_nowhere(const std::vector<std::string>& canaries, const test::CommandResult& run,
                      const fs::path& reports, const std::vector<fs::path>& more = {}) {
    server_->stop();
    ASSERT_TRUE(fs::is_directory(reports)) << run.out << run.err;
    const std::string state = read_file(dir_.path() + "/mock-state.json");
    EXPECT_FALSE(state.empty()) << "the mock saved no state";
    std::size_t files = 0;
    std::vector<fs::path> folders{reports};
    folders.insert(folders.end(), more.begin(), more.end());
    for (const std::string& canary : canaries) {
      EXPECT_EQ(run.out.find(canary), std::string::npos) << canary << " in stdout:\n" << run.out;
      EXPECT_EQ(run.err.find(canary), std::string::npos) << canary << " in stderr:\n" << run.err;
      EXPECT_EQ(log_.str().find(canary), std::string::npos) << canary << " in the mock's log";
      EXPECT_EQ(state.find(canary), std::string::npos) << canary << " in the mock's state file";
      for (const auto& entry : [&] {
             std::vector<fs::directory_entry> all;
             for (const auto& folder : folders) {
               for (const auto& e : fs::recursive_directory_iterator(folder)) all.push_back(e);
             }
             return all;
           }()) {
        if (!entry.is_regular_file()) continue;
        ++files;
        EXPECT_EQ(read_file(entry.path()).find(canary), std::string::npos)
            << canary << " in " << entry.path();
      }
    }
    EXPECT_GE(files, 4u) << "junit.xml, report.json, report.html and summary.md";
  }

  std::ostringstream log_;
  std::unique_ptr<mock::MockServer> server_;
  TempDir dir_;
};

TEST_F(SecretCanary, LiveCredentialsFromTheEnvironmentNeverShow) {
  const ScopedEnv user("FINIX_USERNAME", "mock-user");
  const ScopedEnv password("FINIX_PASSWORD", "canary-env-2718");
  dir_.write("cases/env.json", R"({
  "name": "credentials from the environment", "vendor": "finix",
  "steps": [{"method": "PUT", "path": "/users/USsRhsHYZGBPnQw8CByJyEQW",
             "body": {"enabled": true}, "expect": {"status": 500}}]
})");
  const fs::path reports = dir_.path() + "/reports";
  const auto run = run_conform({"replay", dir_.path() + "/cases", "--target", server_->base_url(),
                                "--report-dir", reports.string()});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("reproduce: curl"), std::string::npos) << run.out;
  expect_nowhere({"canary-env-2718", base64("mock-user:canary-env-2718")}, run, reports);
}

// conform fuzz against a live target: the credentials come from the environment, every
// exchange fails (the mock does not take them), and the failures are shrunk, printed with
// their reproduce commands, saved as case files and reported. The saved cases name the
// variables, never the values; the reproduce command repeats --var, not a --secret-var's value.
TEST_F(SecretCanary, FuzzedFailuresSavedAndReportedNeverShowTheEnvironmentsCredentials) {
  const ScopedEnv user("FINIX_USERNAME", "mock-user");
  const ScopedEnv password("FINIX_PASSWORD", "canary-fuzz-3141");
  const fs::path reports = dir_.path() + "/reports";
  const fs::path saved = dir_.path() + "/saved";
  const auto run =
      run_conform({"fuzz", "finix", "--target", server_->base_url(), "--var",
                   "user_id=USsRhsHYZGBPnQw8CByJyEQW", "--secret-var",
                   "spare=canary-secret-var-1618", "--seed", "1", "--examples", "20",
                   "--save-failures", saved.string(), "--report-dir", reports.string()});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("--var user_id=USsRhsHYZGBPnQw8CByJyEQW --secret-var spare=..."),
            std::string::npos)
      << run.out;
  ASSERT_TRUE(fs::is_directory(saved)) << run.out << run.err;
  EXPECT_FALSE(fs::is_empty(saved)) << run.out << run.err;
  expect_nowhere(
      {"canary-fuzz-3141", base64("mock-user:canary-fuzz-3141"), "canary-secret-var-1618"}, run,
      reports, {saved});
}

TEST_F(SecretCanary, VarsFileSecretsHeadersAndSecretBodyMembersNeverShow) {
  dir_.write("vars.env",
             "# test secrets\nsecret note=canary-file-1618\nsecret tok=canary-auth-3141\n");
  dir_.write("cases/header.json", R"({
  "name": "secrets in headers", "vendor": "msp360",
  "steps": [{"method": "PUT", "path": "/api/Users",
             "headers": {"Authorization": "Bearer ${tok}", "X-Note": "${note}"},
             "body": {"ID": "${user_id}", "FirstName": "Ann"}, "expect": {"status": 500}}]
})");
  dir_.write("cases/json-members.json", test::kCanaryJsonMembersCase);
  dir_.write("cases/xml-member.json", test::kCanaryXmlMemberCase);
  dir_.write("cases/json-key.json", R"({
  "name": "an integration key in a JSON body", "vendor": "formsonfire",
  "steps": [{"method": "PUT", "path": "/api/v2/user", "query": {"format": "json"},
             "body": {"Id": "${user_id}", "CompanyId": "${CompanyId|json}",
                      "IntegrationKey": "canary-ik-json-4142", "FirstName": "Mc"},
             "expect": {"status": 500}}]
})");
  dir_.write("cases/form-member.json", R"({
  "name": "a password in a form body", "vendor": "maiascore",
  "steps": [{"method": "PUT", "path": "/users/${user_id}", "format": "form",
             "body": "username=form-user&password=canary-form-2236",
             "expect": {"status": 500}}]
})");
  const fs::path reports = dir_.path() + "/reports";
  const auto run =
      run_conform({"replay", dir_.path() + "/cases", "--target", server_->base_url(), "--fixtures",
                   "--vars-file", dir_.path() + "/vars.env", "--report-dir", reports.string()});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("reproduce: curl"), std::string::npos) << run.out;
  expect_nowhere(
      {"canary-file-1618", "canary-auth-3141", "canary-pw-9973", "canary-salt-5772",
       "canary-2fa-1414", "canary-ik-xml-1732", "canary-ik-json-4142", "canary-form-2236"},
      run, reports);
}

TEST_F(SecretCanary, CredentialsWithQuotesAndBackslashesNeverShowInAnyEncoding) {
  // Regression: a key with " \\ < & > leaked JSON-escaped into every report, and once the numeric
  // CompanyId was masked the body no longer parsed, so masking by member name gave up.
  const ScopedEnv company("FORMSONFIRE_COMPANY_ID", "98765");
  const ScopedEnv key("FORMSONFIRE_INTEGRATION_KEY", "K<&>\"q\\ canary-env-77");
  dir_.write("vars.env", "secret note=N\"q\\<canary-file-55>\n");
  dir_.write("cases/first-name.json", R"({
  "name": "a secret under a member that is not secret", "vendor": "msp360",
  "steps": [{"method": "PUT", "path": "/api/Users",
             "query": {"access_token": "canary-query-66"},
             "headers": {"Authorization": "Bearer t", "X-Client-Secret": "canary-header-88"},
             "body": {"ID": "9d6de082-741c-44fe-b067-1a36eb03fa40", "FirstName": "${note}"},
             "expect": {"status": 299}}]
})");
  dir_.write("cases/callback.json", R"({
  "name": "a member only the manifest calls secret", "vendor": "nexudus",
  "steps": [{"method": "PUT", "path": "/api/sys/users",
             "headers": {"Authorization": "Bearer mock-token"},
             "body": {"Id": 1001, "FullName": "Canary", "Email": "c@example.com", "Language": 1,
                      "PasswordSalt": "salt", "LastHelpVisited": 0, "InvalidLoginAttempts": 0,
                      "EmailCallBackGuid": "c0ffee00-dead-4bee-8000-0000c0ffee77"},
             "expect": {"status": 299}}]
})");
  for (const char* file : {"update-json.json", "update-xml.json"}) {
    fs::copy_file(fs::path(CONFORM_CASES_DIR) / "formsonfire" / file,
                  fs::path(dir_.path()) / "cases" / file);
  }
  fs::copy(fs::path(CONFORM_CASES_DIR) / "formsonfire" / "bodies",
           fs::path(dir_.path()) / "cases" / "bodies");
  const fs::path reports = dir_.path() + "/reports";
  const fs::path recorded = dir_.path() + "/recorded";
  const auto common =
      std::vector<std::string>{"--target",    server_->base_url(),
                               "--vars-file", dir_.path() + "/vars.env",
                               "--var",       "user_id=2ebc64a36a0d400d8c1e5b7a9f3d6e24"};
  auto replay_args =
      std::vector<std::string>{"replay", dir_.path() + "/cases", "--report-dir", reports.string()};
  replay_args.insert(replay_args.end(), common.begin(), common.end());
  const auto run = run_conform(replay_args);
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("reproduce: curl"), std::string::npos) << run.out;
  auto record_args =
      std::vector<std::string>{"record", dir_.path() + "/cases", "--out", recorded.string()};
  record_args.insert(record_args.end(), common.begin(), common.end());
  const auto record = run_conform(record_args);
  ASSERT_TRUE(fs::is_directory(recorded)) << record.out << record.err;
  // The reports stay JSON: masking never gave up on a body.
  rapidjson::Document report;
  report.Parse(read_file(reports / "report.json").c_str());
  EXPECT_FALSE(report.HasParseError());
  test::CommandResult both = run;
  both.out += record.out;
  both.err += record.err;
  expect_nowhere(
      {"canary-env-77", "canary-file-55", "canary-query-66", "canary-header-88", "0000c0ffee77"},
      both, reports, {recorded});
}

TEST_F(SecretCanary, ShortCredentialsAreMaskedOnlyWhereTheyStandAsCredentials) {
  // FINIX_USERNAME=u FINIX_PASSWORD=p masked every u and p: htt***://, "Statu***" keys that
  // drift then reported as breaking, and stars that spelled out the secret.
  const ScopedEnv user("FINIX_USERNAME", "u");
  const ScopedEnv password("FINIX_PASSWORD", "p");
  const fs::path reports = dir_.path() + "/reports";
  const fs::path recorded = dir_.path() + "/recorded";
  const std::string cases = std::string(CONFORM_CASES_DIR) + "/finix";
  const std::string user_id = "user_id=USsRhsHYZGBPnQw8CByJyEQW";
  const auto run = run_conform({"replay", cases, "--target", server_->base_url(), "--var", user_id,
                                "--report-dir", reports.string()});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  const auto record = run_conform({"record", cases, "--target", server_->base_url(), "--var",
                                   user_id, "--out", recorded.string()});
  server_->stop();
  std::vector<std::string> texts{run.out, read_file(reports / "report.json"),
                                 read_file(reports / "junit.xml")};
  for (const auto& entry : fs::recursive_directory_iterator(recorded)) {
    if (entry.is_regular_file()) texts.push_back(read_file(entry.path()));
  }
  ASSERT_GT(texts.size(), 5u) << record.out << record.err;
  for (const std::string& text : texts) {
    for (const char* corrupted : {"htt***", "***ut", "u***", "Statu***", "Wa***", "***:"}) {
      EXPECT_EQ(text.find(corrupted), std::string::npos) << corrupted << " in\n" << text;
    }
  }
  EXPECT_NE(texts[1].find("Basic ***"), std::string::npos) << "the credential itself is masked";
}

TEST_F(SecretCanary, ValidatesSarifAndGithubOutputHideAManifestSecret) {
  const std::string payload =
      dir_.write("payload.json",
                 R"({"Id": 1001, "FullName": "A", "Email": "a@example.com", "Language": 1,
          "PasswordSalt": "s", "LastHelpVisited": 0, "InvalidLoginAttempts": 0,
          "EmailCallBackGuid": "not-a-guid-canary-sarif-33"})");
  for (const char* output : {"sarif", "github"}) {
    const auto run = run_conform({"validate", "nexudus", "request", "--output", output, payload});
    EXPECT_EQ(run.exit_code, 1) << output << run.out << run.err;
    EXPECT_NE(run.out.find("EmailCallBackGuid"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("canary-sarif-33"), std::string::npos) << output << run.out;
  }
  server_->stop();
}

TEST(SecretCanaryLint, ALiteralCredentialInACaseFileIsALintWarning) {
  TempDir dir;
  const std::string file = dir.write("leaky.json", R"({
  "name": "leaky", "vendor": "msp360",
  "steps": [{"method": "PUT", "path": "/api/Users",
             "headers": {"Authorization": "Bearer canary-lint-1123"}, "expect": {"status": 200}}]
})");
  const auto lint = run_conform({"lint", file});
  EXPECT_EQ(lint.exit_code, 0) << "warnings alone pass\n" << lint.out << lint.err;
  EXPECT_NE(lint.out.find("warning[literal-secret]"), std::string::npos) << lint.out;
  EXPECT_NE(lint.out.find(":4:"), std::string::npos) << "line of the header\n" << lint.out;
  // The quoted line shows where the credential is, not what it is.
  EXPECT_EQ(lint.out.find("canary-lint-1123"), std::string::npos) << lint.out;
  EXPECT_NE(lint.out.find("\"Authorization\": \"*****"), std::string::npos) << lint.out;
  const auto strict = run_conform({"lint", "--strict", file});
  EXPECT_EQ(strict.exit_code, 1) << strict.out;
}

TEST(SecretCanaryLint, AFileOutsideTheCaseAndALineBreakInAHeaderAreLintErrors) {
  TempDir dir;
  const std::string file = dir.write("cases/leaky.json", R"({
  "name": "leaky", "vendor": "msp360",
  "steps": [{"method": "PUT", "path": "/api/Users", "headers": {"X-A": "a\r\nX-Evil: 1"},
             "body_file": "../../../../../../proc/self/environ"}]
})");
  const auto lint = run_conform({"lint", file});
  EXPECT_EQ(lint.exit_code, 1) << lint.out << lint.err;
  EXPECT_NE(lint.out.find("error[path]: body_file"), std::string::npos) << lint.out;
  EXPECT_NE(lint.out.find("error[header]: header \"X-A\" holds a carriage return"),
            std::string::npos)
      << lint.out;
  const auto replay = run_conform({"replay", file, "--report-dir", dir.path() + "/reports"});
  EXPECT_EQ(replay.exit_code, 2) << replay.out << replay.err;
}

}  // namespace
}  // namespace conform
