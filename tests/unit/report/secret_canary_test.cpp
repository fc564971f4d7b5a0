// The secret canary: a RunResult whose secrets the replay redacted to "***" never shows
// the original in any report, and credentials the replay missed are masked by the writers.
#include <gtest/gtest.h>

#include "report/html_writer.hpp"
#include "report/json_writer.hpp"
#include "report/junit_writer.hpp"
#include "report/markdown_writer.hpp"
#include "report/redaction.hpp"
#include "report/tap_writer.hpp"
#include "secret/policy.hpp"
#include "unit/report/sample_run.hpp"

namespace conform::report {
namespace {

const std::string kCanary = "CANARY-5f1d2c9e";

std::vector<std::pair<std::string, std::string>> every_report(const RunResult& run) {
  return {{"junit.xml", render_junit(run)},
          {"report.json", render_json(run)},
          {"report.html", render_html(run)},
          {"summary.md", render_markdown(run)},
          {"report.tap", render_tap(run)}};
}

TEST(SecretCanary, RedactedValuesStayRedactedInEveryReport) {
  // What the replay hands over: every secret it knew already replaced by the marker.
  RunResult run = testing::sample_run();
  StepResult& step = run.cases[2].steps[0];
  step.exchange.request_body =
      R"({"Password":"***","IntegrationKey":"***","PasswordSalt":"***","TwoFactorSecret":"***"})";
  step.exchange.request_headers = {{"Authorization", "Bearer ***"}};
  step.curl =
      "curl -H 'Authorization: Bearer ***' --data-binary '{\"Password\":\"***\"}' http://h/";
  for (const auto& [name, text] : every_report(run)) {
    EXPECT_EQ(text.find(kCanary), std::string::npos) << name;
    EXPECT_NE(text.find(std::string(secret::kRedacted)), std::string::npos) << name;
  }
}

TEST(SecretCanary, CredentialsTheReplayMissedAreMaskedAnyway) {
  RunResult run = testing::sample_run();
  run.secret_members = {"IntegrationKey"};  // from the manifests
  run.target = "https://svc:" + kCanary + "@api.example.com";
  StepResult& step = run.cases[2].steps[0];
  step.exchange.url = "https://api.example.com/users/1?access_token=" + kCanary;
  step.exchange.request_headers = {{"authorization", "Bearer " + kCanary},
                                   {"X-Api-Key", kCanary},
                                   {"Cookie", "session=" + kCanary}};
  step.exchange.response_headers = {{"Set-Cookie", "session=" + kCanary + "; HttpOnly"}};
  step.exchange.request_body = "{\"Password\":\"" + kCanary + "\",\"IntegrationKey\":\"" + kCanary +
                               "\",\"nested\":{\"TwoFactorSecret\":\"" + kCanary + "\"}}";
  step.exchange.response_body = "<User><PasswordSalt>" + kCanary + "</PasswordSalt></User>";
  step.exchange.response_headers.emplace_back("Content-Type", "application/xml");
  step.curl = "curl -X PUT --data-binary '{\"Password\":\"" + kCanary +
              "\"}' -u 'admin:" + kCanary + "' -H 'Authorization: Bearer " + kCanary +
              "' 'https://svc:" + kCanary + "@api.example.com/users/1?access_token=" + kCanary +
              "'";
  for (const auto& [name, text] : every_report(run)) {
    EXPECT_EQ(text.find(kCanary), std::string::npos) << name << " leaks the canary";
  }
}

}  // namespace
}  // namespace conform::report
