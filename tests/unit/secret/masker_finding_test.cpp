#include <gtest/gtest.h>

#include "secret/masker.hpp"

namespace conform::secret {
namespace {

Finding redact_finding(Finding finding) {
  Policy policy;
  policy.add_member_names({"IntegrationKey"});
  Masker(policy).mask(finding);
  return finding;
}

Finding about(std::string pointer, std::string xpath, std::string message, std::string actual) {
  Finding f;
  f.pointer = std::move(pointer);
  f.xpath = std::move(xpath);
  f.keyword = "pattern";
  f.message = std::move(message);
  f.actual = std::move(actual);
  return f;
}

TEST(MaskerFinding, MasksTheValueOfASecretNamedFieldByPointer) {
  const Finding f = redact_finding(
      about("/users/0/Password", "", "\"hunter2\" is shorter than 8 characters", "\"hunter2\""));
  EXPECT_EQ(f.actual, "***");
  EXPECT_EQ(f.message, "\"***\" is shorter than 8 characters");
  EXPECT_EQ(f.pointer, "/users/0/Password");
}

TEST(MaskerFinding, MasksBySecretXpathStepWithAnIndex) {
  const Finding f = redact_finding(
      about("/IntegrationKey", "/User/IntegrationKey[1]", "k-123 is not a GUID", "k-123"));
  EXPECT_EQ(f.actual, "***");
  EXPECT_EQ(f.message, "*** is not a GUID");
}

TEST(MaskerFinding, LeavesOtherFieldsAndFindingsWithoutAValueAlone) {
  const Finding plain = about("/Email", "", "\"x\" is not an email", "\"x\"");
  EXPECT_EQ(redact_finding(plain).actual, "\"x\"");
  EXPECT_EQ(redact_finding(plain).message, plain.message);
  Finding missing = about("/Password", "", "missing required property", "");
  missing.actual.reset();
  EXPECT_EQ(redact_finding(missing).message, "missing required property");
}

TEST(MaskerFinding, MasksAKnownSecretWhereverAFindingQuotesIt) {
  Masker masker;
  masker.add_secret("K<&>\"q-long");
  Finding f = about("/FirstName", "", "\"K<&>\\\"q-long\" is too long", "\"K<&>\\\"q-long\"");
  masker.mask(f);
  EXPECT_EQ(f.message, "\"***\" is too long");
  EXPECT_EQ(f.actual, "***");
}

TEST(MaskerFinding, AShortSecretIsMaskedOnlyAsTheWholeValue) {
  Masker masker;
  masker.add_secret("s");
  Finding f = about("/Status", "", "\"s\" is not one of Active, Suspended", "\"s\"");
  masker.mask(f);
  EXPECT_EQ(f.message, "\"***\" is not one of Active, Suspended");
  EXPECT_EQ(f.actual, "***");
  Finding other = about("/Status", "", "\"sss\" is not one of Active, Suspended", "\"sss\"");
  masker.mask(other);
  EXPECT_EQ(other.message, "\"sss\" is not one of Active, Suspended");
}

}  // namespace
}  // namespace conform::secret
