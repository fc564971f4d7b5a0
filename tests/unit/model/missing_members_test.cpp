// One "required" finding names every member missing from one object; the mock's envelopes
// and drift's items still need one entry per member.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/finding.hpp"

namespace conform {
namespace {

TEST(MissingMembers, SplitsTheNamesOfOneRequiredFinding) {
  Finding f;
  f.keyword = "required";
  f.expected = "Email";
  EXPECT_EQ(missing_members(f), std::vector<std::string>{"Email"});
  f.expected = "Email, Language, PasswordSalt";
  EXPECT_EQ(missing_members(f), (std::vector<std::string>{"Email", "Language", "PasswordSalt"}));
  f.keyword = "type";
  EXPECT_TRUE(missing_members(f).empty());
  Finding no_expected;
  no_expected.keyword = "required";
  EXPECT_TRUE(missing_members(no_expected).empty());
}

}  // namespace
}  // namespace conform
