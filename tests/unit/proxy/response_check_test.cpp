// ResponseCheck: an upstream response against the message its status (or, for the vendor's
// read, the manifest's mock.responses.read.validates_as) names.
#include "proxy/response_check.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "support/files.hpp"

namespace conform::proxy {
namespace {

class ResponseCheckTest : public ::testing::Test {
 protected:
  Findings check(const std::string& vendor, int status, const std::string& body, bool read) {
    const ResponseCheck checker(*catalog_, *catalog_->find(vendor), false);
    return checker.check(status, "application/json; charset=utf-8", body, read);
  }

  static std::string example(const std::string& vendor, const std::string& name) {
    return test::read_file(std::string(CONFORM_SCHEMAS_DIR) + "/" + vendor + "/examples/" + name);
  }

  std::shared_ptr<const contracts::Catalog> catalog_ =
      contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
};

// MSP360 answers its read with the user in the update's own shape (validates_as "request").
TEST_F(ResponseCheckTest, AReadsSuccessIsCheckedAsTheMessageTheManifestNames) {
  EXPECT_TRUE(check("msp360", 200, example("msp360", "request.valid.full.json"), true).empty());

  const Findings findings = check(
      "msp360", 200, example("msp360", "request.invalid.license-mode-out-of-enum.json"), true);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].message.rfind("response:200 (the read's, checked as request): ", 0), 0u)
      << findings[0].message;
  EXPECT_TRUE(has_errors(findings));
}

// The update's 200 is a different message: the same body checked as the update's response.
TEST_F(ResponseCheckTest, TheUpdatesSuccessIsCheckedByItsStatus) {
  const Findings findings = check("finix", 200, "[]", false);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].message.rfind("response:200: ", 0), 0u) << findings[0].message;
}

// Finix names no message for its read: a read's success is evidence, not a contract; its
// failures are still the documented error envelopes.
TEST_F(ResponseCheckTest, AReadNoMessageDescribesIsNotCheckedButItsFailuresAre) {
  EXPECT_TRUE(check("finix", 200, "[]", true).empty());
  const Findings failure = check("finix", 404, "[]", true);
  ASSERT_FALSE(failure.empty());
  EXPECT_EQ(failure[0].message.rfind("response:404: ", 0), 0u) << failure[0].message;
}

}  // namespace
}  // namespace conform::proxy
