#include "replay/variables.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/temp_dir.hpp"

namespace conform::replay {
namespace {

TEST(Variables, ExpandsKnownNamesAndReportsUnknownOnes) {
  Variables variables;
  variables.set("user_id", "US1");
  std::vector<std::string> missing;
  EXPECT_EQ(variables.expand("/users/${user_id}/x/${nope}", &missing), "/users/US1/x/${nope}");
  EXPECT_EQ(missing, std::vector<std::string>{"nope"});
}

TEST(Variables, LaterValuesWinAndSecretsStaySecret) {
  Variables variables;
  variables.set("token", "a", true);
  variables.set("token", "b");
  ASSERT_NE(variables.find("token"), nullptr);
  EXPECT_EQ(variables.find("token")->value, "b");
  EXPECT_TRUE(variables.find("token")->secret);

  variables.set("key", "b-long", true);
  secret::Masker masker;
  variables.add_secrets_to(masker);
  EXPECT_EQ(masker.mask_value("b"), "***");
  EXPECT_EQ(masker.mask_text("Bearer b-long"), "Bearer ***");
}

TEST(ParseAssignment, SplitsAtTheFirstEquals) {
  std::string name, value;
  ASSERT_TRUE(parse_assignment("key=a=b", name, value));
  EXPECT_EQ(name, "key");
  EXPECT_EQ(value, "a=b");
  EXPECT_FALSE(parse_assignment("novalue", name, value));
  EXPECT_FALSE(parse_assignment("=x", name, value));
  EXPECT_FALSE(parse_assignment("bad name=x", name, value));
}

TEST(VarsFile, ReadsAssignmentsSecretsAndReportsBadLines) {
  const test::TempDir tmp;
  const std::string file =
      tmp.write("vars.env", "# comment\n\nuser_id=US9\nsecret token = abc\nbroken line\n");
  Variables variables;
  const Findings findings = read_vars_file(file, variables);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 5);
  EXPECT_EQ(variables.find("user_id")->value, "US9");
  EXPECT_EQ(variables.find("token")->value, " abc");
  EXPECT_TRUE(variables.find("token")->secret);
  EXPECT_FALSE(variables.find("user_id")->secret);
}

TEST(FindPlaceholders, CatchesBracesPercentEncodedBracesAndUnsetVariables) {
  EXPECT_TRUE(find_placeholders("/users/US1?format=json").empty());

  Findings braces = find_placeholders("/users/{id}");
  ASSERT_EQ(braces.size(), 1u);
  EXPECT_EQ(braces[0].keyword, "placeholder");
  EXPECT_EQ(braces[0].actual, "{id}");
  EXPECT_EQ(braces[0].column, 8);

  Findings encoded = find_placeholders("/users/%7Bid%7D");
  ASSERT_EQ(encoded.size(), 1u);
  EXPECT_EQ(encoded[0].actual, "%7Bid%7D");

  Findings lower = find_placeholders("/users/%7bid%7d");
  ASSERT_EQ(lower.size(), 1u);

  Findings unset = find_placeholders("/users/${UNSET}");
  ASSERT_EQ(unset.size(), 1u);
  EXPECT_EQ(unset[0].actual, "${UNSET}");
}

}  // namespace
}  // namespace conform::replay
