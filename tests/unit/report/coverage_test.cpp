#include "report/coverage.hpp"

#include <gtest/gtest.h>

#include "unit/report/sample_run.hpp"

namespace conform::report {
namespace {

contracts::Manifest manifest(std::string id, std::vector<std::string> statuses) {
  contracts::Manifest m;
  m.id = std::move(id);
  m.request_media_types = {"application/json", "application/xml"};
  m.response_media_types = {"application/json"};
  for (auto& status : statuses) {
    contracts::MessageSpec spec;
    spec.id = MessageId{MessageId::Kind::response, std::move(status)};
    m.messages.push_back(spec);
  }
  contracts::MessageSpec request;
  m.messages.insert(m.messages.begin(), request);
  return m;
}

int exchanges(const VendorCoverage& coverage, const std::string& kind, const std::string& value) {
  for (const auto& item : coverage.items) {
    if (item.kind == kind && item.value == value) return item.exchanges;
  }
  return -1;
}

TEST(Coverage, CountsWhatTheCasesExercisedAndNamesWhatTheyNeverDid) {
  RunResult run = testing::sample_run();  // finix: 4 exchanges, all 200, JSON both ways
  run.cases[0].steps[0].exchange.status = 404;
  run.cases[0].steps[0].exchange.request_headers = {
      {"content-type", "Application/XML; charset=utf-8"}};
  const auto all = measure_coverage(
      run, {manifest("finix", {"200", "400", "404"}), manifest("maiascore", {"200"})});
  ASSERT_EQ(all.size(), 1u);  // maiascore has no cases in the run
  const VendorCoverage& finix = all[0];
  EXPECT_EQ(finix.vendor, "finix");
  EXPECT_EQ(exchanges(finix, "status", "200"), 3);
  EXPECT_EQ(exchanges(finix, "error-envelope", "404"), 1);
  EXPECT_EQ(exchanges(finix, "error-envelope", "400"), 0);
  EXPECT_EQ(exchanges(finix, "request-media-type", "application/json"), 3);
  EXPECT_EQ(exchanges(finix, "request-media-type", "application/xml"), 1);
  EXPECT_EQ(exchanges(finix, "response-media-type", "application/json"), 4);
}

TEST(Coverage, CountsUndocumentedStatusesTowardTheDefaultResponse) {
  RunResult run = testing::sample_run();
  for (auto& c : run.cases) c.vendor = "maiascore";
  run.cases[0].steps[0].exchange.status = 500;
  const auto all = measure_coverage(run, {manifest("maiascore", {"200", "404", "default"})});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(exchanges(all[0], "error-envelope", "default"), 1);
  EXPECT_EQ(exchanges(all[0], "error-envelope", "404"), 0);
}

}  // namespace
}  // namespace conform::report
