#include "mock/faults.hpp"

#include <gtest/gtest.h>

#include <map>

namespace conform::mock {
namespace {

TEST(FaultPlan, TheSameSeedGivesTheSameFaultsAndLatencies) {
  FaultOptions options;
  options.seed = 42;
  options.rate = 0.5;
  options.latency_min_ms = 5;
  options.latency_max_ms = 20;
  options.faults = {Fault::status500, Fault::reset, Fault::garbage};
  FaultPlan first(options);
  FaultPlan second(options);
  for (int i = 0; i < 200; ++i) {
    const FaultDecision a = first.next();
    const FaultDecision b = second.next();
    EXPECT_EQ(a.fault, b.fault);
    EXPECT_EQ(a.latency_ms, b.latency_ms);
    EXPECT_GE(a.latency_ms, 5);
    EXPECT_LE(a.latency_ms, 20);
  }
  options.seed = 43;
  FaultPlan other(options);
  int differences = 0;
  for (std::uint64_t i = 0; i < 200; ++i) differences += other.at(i).fault != first.at(i).fault;
  EXPECT_GT(differences, 20);
}

TEST(FaultPlan, TheRateIsTheShareOfFaultedRequestsAndEveryFaultIsUsed) {
  FaultOptions options;
  options.rate = 0.25;
  options.faults = {Fault::status429, Fault::truncate};
  const FaultPlan plan(options);
  std::map<Fault, int> counts;
  for (std::uint64_t i = 0; i < 4000; ++i) ++counts[plan.at(i).fault];
  EXPECT_NEAR(counts[Fault::none] / 4000.0, 0.75, 0.03);
  EXPECT_GT(counts[Fault::status429], 400);
  EXPECT_GT(counts[Fault::truncate], 400);
}

TEST(FaultPlan, NoRateMeansNoFaults) {
  FaultOptions options;
  options.faults = {Fault::status500};
  const FaultPlan plan(options);
  for (std::uint64_t i = 0; i < 100; ++i) EXPECT_EQ(plan.at(i).fault, Fault::none);
}

TEST(Faults, ParseTheCommandLineNames) {
  EXPECT_EQ(parse_fault("503"), Fault::status503);
  EXPECT_EQ(parse_fault("reset"), Fault::reset);
  EXPECT_FALSE(parse_fault("504"));
  EXPECT_EQ(status_of(Fault::status429), 429);
  const std::string garbage = garbage_bytes(7, 32);
  EXPECT_EQ(garbage.size(), 32u);
  EXPECT_EQ(garbage, garbage_bytes(7, 32));
}

}  // namespace
}  // namespace conform::mock
