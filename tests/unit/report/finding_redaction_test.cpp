#include "report/finding_redaction.hpp"

#include <gtest/gtest.h>

namespace conform::report {
namespace {

Finding about(std::string pointer, std::string xpath, std::string message, std::string actual) {
  Finding f;
  f.pointer = std::move(pointer);
  f.xpath = std::move(xpath);
  f.keyword = "pattern";
  f.message = std::move(message);
  f.actual = std::move(actual);
  return f;
}

TEST(FindingRedaction, MasksTheValueOfASecretNamedFieldByPointer) {
  const Finding f = redact_finding(
      about("/users/0/Password", "", "\"hunter2\" is shorter than 8 characters", "\"hunter2\""));
  EXPECT_EQ(f.actual, "***");
  EXPECT_EQ(f.message, "\"***\" is shorter than 8 characters");
  EXPECT_EQ(f.pointer, "/users/0/Password");
}

TEST(FindingRedaction, MasksBySecretXpathStepWithAnIndex) {
  const Finding f = redact_finding(
      about("/IntegrationKey", "/User/IntegrationKey[1]", "k-123 is not a GUID", "k-123"));
  EXPECT_EQ(f.actual, "***");
  EXPECT_EQ(f.message, "*** is not a GUID");
}

TEST(FindingRedaction, LeavesOtherFieldsAndFindingsWithoutAValueAlone) {
  const Finding plain = about("/Email", "", "\"x\" is not an email", "\"x\"");
  EXPECT_EQ(redact_finding(plain).actual, "\"x\"");
  EXPECT_EQ(redact_finding(plain).message, plain.message);
  Finding missing = about("/Password", "", "missing required property", "");
  missing.actual.reset();
  EXPECT_EQ(redact_finding(missing).message, "missing required property");
}

}  // namespace
}  // namespace conform::report
