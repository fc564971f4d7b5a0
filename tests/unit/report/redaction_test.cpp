#include "report/redaction.hpp"

#include <gtest/gtest.h>

namespace conform::report {
namespace {

TEST(Redaction, AppliesToEveryExchangeOfARun) {
  RunResult run;
  run.target = "https://user:pw@vendor.example";
  run.secret_members = {"CompanyKey"};
  CaseResult result;
  StepResult step;
  step.exchange.url = "https://vendor.example/u?api_key=k1";
  step.exchange.request_headers = {{"authorization", "Bearer t1"}, {"Accept", "*/*"}};
  step.exchange.request_body = R"({"CompanyKey":"k2","Name":"n"})";
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
  EXPECT_EQ(e.request_body, R"({"CompanyKey":"***","Name":"n"})");
  EXPECT_EQ(e.response_headers[0].second, "***");
  EXPECT_EQ(safe.cases[0].steps[0].curl,
            "curl -H 'Authorization: Bearer ***' 'https://vendor.example/u?api_key=***'");
}

}  // namespace
}  // namespace conform::report
