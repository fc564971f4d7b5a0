// conform fuzz with parallel workers (--jobs) against the embedded mock: the same examples
// give the same verdicts and tallies as one worker. The ThreadSanitizer step runs this file,
// so a race between the workers, the tallies and the mock's threads fails it there.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "support/run_command.hpp"

namespace conform {
namespace {
using test::run_conform;

// The per-vendor tally lines ("finix: 200 examples (...), ... planned cases").
std::vector<std::string> tally_lines(const std::string& out) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (line.find(" examples (") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

TEST(FuzzJobs, FourWorkersGiveTheSameTalliesAsOne) {
  const std::vector<std::string> common = {"fuzz", "finix",      "nexudus", "--seed",
                                           "3",    "--examples", "150"};
  auto one = common;
  one.insert(one.end(), {"--jobs", "1"});
  auto four = common;
  four.insert(four.end(), {"--jobs", "4"});
  const auto sequential = run_conform(one, "", 120);
  const auto parallel = run_conform(four, "", 120);
  ASSERT_EQ(sequential.exit_code, 0) << sequential.out << sequential.err;
  ASSERT_EQ(parallel.exit_code, 0) << parallel.out << parallel.err;
  const auto expected = tally_lines(sequential.out);
  ASSERT_EQ(expected.size(), 2u) << sequential.out;
  EXPECT_EQ(tally_lines(parallel.out), expected) << parallel.out;
}

}  // namespace
}  // namespace conform
