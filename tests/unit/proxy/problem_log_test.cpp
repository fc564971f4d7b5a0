// ProblemLog: one entry per distinct problem, the same problem in every item of a list is one,
// examples bounded, clean exchanges counted.
#include "proxy/problem_log.hpp"

#include <gtest/gtest.h>

#include "contracts/catalog.hpp"

namespace conform::proxy {
namespace {

Finding finding(const std::string& message, const std::string& keyword,
                const std::string& pointer) {
  Finding out;
  out.message = message;
  out.keyword = keyword;
  out.pointer = pointer;
  return out;
}

Exchange exchange(int status) {
  Exchange out;
  out.method = "PUT";
  out.url = "http://127.0.0.1:1/users/U1";
  out.status = status;
  out.response_headers = {{"Content-Type", "application/json"}};
  return out;
}

class ProblemLogTest : public ::testing::Test {
 protected:
  std::shared_ptr<const contracts::Catalog> catalog_ =
      contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
  ProblemLog log_{*catalog_->find("finix"), "http://127.0.0.1:1"};
};

TEST_F(ProblemLogTest, OneEntryPerProblemWhateverTheListItem) {
  for (int item = 0; item < 3; ++item) {
    log_.add(exchange(400),
             {finding("response:400: undocumented property \"x\"", "additionalProperties",
                      "/errors/" + std::to_string(item) + "/x")});
  }
  log_.add(exchange(400),
           {finding("response:400: undocumented property \"x\"", "additionalProperties", "/x")});
  const RunResult run = log_.run();
  ASSERT_EQ(run.cases.size(), 2u);
  EXPECT_EQ(run.cases[0].name,
            "response:400: undocumented property \"x\" at /errors/*/x (3 exchanges)");
  EXPECT_EQ(run.cases[0].steps.size(), 3u);
  EXPECT_EQ(run.cases[1].name, "response:400: undocumented property \"x\" at /x (1 exchange)");
  EXPECT_EQ(run.cases[0].outcome, Outcome::failed);
}

TEST_F(ProblemLogTest, ExamplesAreBoundedAndCleanExchangesCounted) {
  for (std::size_t i = 0; i < kExamplesPerProblem + 3; ++i) {
    log_.add(exchange(200),
             {finding("request: expected type boolean but found string", "type", "/enabled")});
    log_.add(exchange(200), {});
  }
  const RunResult run = log_.run();
  ASSERT_EQ(run.cases.size(), 2u);
  EXPECT_EQ(run.cases[0].steps.size(), kExamplesPerProblem);
  EXPECT_NE(run.cases[0].name.find("(8 exchanges, the first 5 shown)"), std::string::npos)
      << run.cases[0].name;
  EXPECT_EQ(run.cases[1].name, "8 exchanges with no finding");
  EXPECT_EQ(run.cases[1].outcome, Outcome::passed);
  EXPECT_EQ(log_.exchanges(), 16u);
  ASSERT_EQ(run.coverage.size(), 1u);
  int status_200 = 0;
  for (const CoverageItem& item : run.coverage[0].items) {
    if (item.kind == "status" && item.value == "200") status_200 = item.exchanges;
  }
  EXPECT_EQ(status_200, 16) << "coverage counts every exchange, not only the examples";
}

// Masking costs a parse of the body: it runs for what is kept, and each kept thing is masked.
TEST_F(ProblemLogTest, SecretsAreMaskedInWhatIsKeptAndNotLookedForInWhatIsOnlyCounted) {
  int masked = 0;
  for (std::size_t i = 0; i < kExamplesPerProblem + 10; ++i) {
    Exchange clean = exchange(200);
    clean.request_body = "canary-secret";
    Findings none;
    log_.add(clean, none, [&] {
      ++masked;
      clean.request_body = "***";
    });
  }
  EXPECT_EQ(masked, static_cast<int>(kExamplesPerProblem));
  const RunResult run = log_.run();
  ASSERT_EQ(run.cases.size(), 1u);
  for (const StepResult& step : run.cases[0].steps) EXPECT_EQ(step.exchange.request_body, "***");
}

TEST_F(ProblemLogTest, WarningsAloneDoNotFail) {
  Finding warning = finding("response:299: finix documents no response 299", "status", "");
  warning.severity = Severity::warning;
  log_.add(exchange(299), {warning});
  EXPECT_EQ(log_.run().cases.at(0).outcome, Outcome::passed);
}

TEST_F(ProblemLogTest, MemoryStaysBoundedWhateverTheTraffic) {
  Exchange large = exchange(200);
  large.response_body = std::string(kMaxExampleBodyBytes + 100, 'x');
  log_.add(large, {finding("response:200: not JSON", "syntax", "")});
  for (std::size_t i = 0; i < kMaxProblems + 10; ++i) {
    log_.add(exchange(400), {finding("request: undocumented property", "additionalProperties",
                                     "/tags/k" + std::to_string(i))});
  }
  const RunResult run = log_.run();
  ASSERT_EQ(run.cases.size(), kMaxProblems + 1);
  const CaseResult& more = run.cases.back();
  EXPECT_EQ(more.name, "more than 1000 distinct problems: 11 more, the first shown");
  EXPECT_EQ(more.steps.size(), kExamplesPerProblem);
  bool cut = false;
  for (const CaseResult& result : run.cases) {
    for (const StepResult& step : result.steps) {
      EXPECT_LE(step.exchange.response_body.size(), kMaxExampleBodyBytes + 64);
      cut |= step.exchange.response_body.find("(100 more bytes not kept)") != std::string::npos;
    }
  }
  EXPECT_TRUE(cut);
}

}  // namespace
}  // namespace conform::proxy
