#include <gtest/gtest.h>

#include "report/reports.hpp"
#include "unit/report/sample_run.hpp"

namespace conform::report {
namespace {

using testing::case_result;

RunResult shard(std::string started_at, double duration_ms, std::vector<CaseResult> cases) {
  RunResult run;
  run.target = "mock";
  run.started_at = std::move(started_at);
  run.duration_ms = duration_ms;
  run.cases = std::move(cases);
  return run;
}

std::vector<std::string> names(const RunResult& run) {
  std::vector<std::string> out;
  for (const auto& c : run.cases) out.push_back(c.vendor + "/" + c.name);
  return out;
}

TEST(Merge, CombinesShardsInAnOrderThatDoesNotDependOnThem) {
  const RunResult a = shard(
      "2026-11-23T11:50:02Z", 900,
      {case_result("nexudus", "b", Outcome::passed), case_result("finix", "z", Outcome::failed)});
  const RunResult b =
      shard("2026-11-23T11:50:00Z", 1500, {case_result("finix", "a", Outcome::passed)});
  const RunResult ab = merge({a, b});
  const RunResult ba = merge({b, a});
  EXPECT_EQ(names(ab), (std::vector<std::string>{"finix/a", "finix/z", "nexudus/b"}));
  EXPECT_EQ(names(ba), names(ab));
  EXPECT_EQ(ab.started_at, "2026-11-23T11:50:00Z");
  EXPECT_DOUBLE_EQ(ab.duration_ms, 1500);  // shards run side by side
  EXPECT_EQ(ab.target, "mock");
  EXPECT_FALSE(ab.interrupted);
}

TEST(Merge, IsInterruptedWhenAnyShardWas) {
  RunResult a = shard("t", 1, {});
  RunResult b = shard("t", 1, {});
  b.interrupted = true;
  EXPECT_TRUE(merge({a, b}).interrupted);
}

TEST(Merge, KeepsASeedOnlyWhenEveryShardHadIt) {
  RunResult a = shard("t", 1, {});
  RunResult b = shard("t", 1, {});
  a.seed = 7;
  EXPECT_FALSE(merge({a, b}).seed);
  EXPECT_FALSE(merge({b, a}).seed);
  b.seed = 8;
  EXPECT_FALSE(merge({a, b}).seed);
  b.seed = 7;
  EXPECT_EQ(merge({a, b}).seed, 7u);
}

TEST(Merge, NamesEveryDistinctTarget) {
  RunResult a = shard("t", 1, {});
  RunResult b = shard("t", 1, {});
  b.target = "https://api.example.com";
  EXPECT_EQ(merge({a, b, a}).target, "mock, https://api.example.com");
}

TEST(Merge, SumsCoveragePerVendorAndItem) {
  RunResult a = shard("t", 1, {});
  a.coverage = {{"finix", {{"status", "200", 2}, {"error-envelope", "404", 0}}}};
  RunResult b = shard("t", 1, {});
  b.coverage = {{"finix", {{"status", "200", 1}, {"error-envelope", "404", 3}}},
                {"msp360", {{"status", "200", 1}}}};
  const RunResult merged = merge({a, b});
  ASSERT_EQ(merged.coverage.size(), 2u);
  EXPECT_EQ(merged.coverage[0].vendor, "finix");
  EXPECT_EQ(merged.coverage[0].items[0].exchanges, 3);
  EXPECT_EQ(merged.coverage[0].items[1].exchanges, 3);
  EXPECT_EQ(merged.coverage[1].vendor, "msp360");
}

TEST(Merge, OfNothingIsAnEmptyRun) {
  const RunResult merged = merge({});
  EXPECT_TRUE(merged.cases.empty());
  EXPECT_EQ(merged.target, "");
}

}  // namespace
}  // namespace conform::report
