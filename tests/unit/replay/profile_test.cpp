#include "replay/profile.hpp"

#include <gtest/gtest.h>

#include <cstring>

#include "contracts/catalog.hpp"

namespace conform::replay {
namespace {

class ProfileTest : public ::testing::Test {
 protected:
  ProfileTest() : catalog_(contracts::Catalog::load(CONFORM_SCHEMAS_DIR)) {}

  const contracts::Manifest& vendor(const char* id) const {
    const contracts::Manifest* manifest = catalog_->find(id);
    if (!manifest) throw std::logic_error(std::string("no vendor ") + id);
    return *manifest;
  }

  static std::string value(const Variables& variables, const char* name) {
    const Variable* variable = variables.find(name);
    return variable ? variable->value : "(unset)";
  }

  std::shared_ptr<contracts::Catalog> catalog_;
};

TEST_F(ProfileTest, TheMockProfileCarriesEachSchemesCredentialsAsSecrets) {
  const Variables finix = mock_profile(vendor("finix"));
  EXPECT_EQ(value(finix, "username"), "mock-user");
  EXPECT_EQ(value(finix, "password"), "mock-password");
  EXPECT_TRUE(finix.find("password")->secret);
  EXPECT_FALSE(finix.find("username")->secret);
  EXPECT_EQ(value(finix, "user_id"), "USsRhsHYZGBPnQw8CByJyEQW");
  EXPECT_FALSE(finix.find("user_id")->secret);

  const Variables msp360 = mock_profile(vendor("msp360"));
  EXPECT_EQ(value(msp360, "token"), "mock-token");
  EXPECT_TRUE(msp360.find("token")->secret);
}

TEST_F(ProfileTest, BodyCredentialsKeepTheirJsonText) {
  const Variables formsonfire = mock_profile(vendor("formsonfire"));
  EXPECT_EQ(value(formsonfire, "CompanyId"), "12345");
  EXPECT_EQ(value(formsonfire, "IntegrationKey"), "mock-integration-key");
  EXPECT_TRUE(formsonfire.find("IntegrationKey")->secret);
}

TEST_F(ProfileTest, ATokenWithoutTheRequiredRoleIsTheForbiddenToken) {
  const Variables nexudus = mock_profile(vendor("nexudus"));
  EXPECT_EQ(value(nexudus, "token"), "mock-token");
  EXPECT_EQ(value(nexudus, "forbidden_token"), "mock-token-readonly");
  EXPECT_EQ(value(nexudus, "user_id"), "1001");
}

TEST_F(ProfileTest, TheEnvironmentProfileReadsTheManifestsVariables) {
  const auto fake_env = [](const char* name) -> const char* {
    if (std::strcmp(name, "FINIX_USERNAME") == 0) return "live-user";
    if (std::strcmp(name, "FINIX_PASSWORD") == 0) return "live-pass";
    return nullptr;
  };
  const Variables finix = environment_profile(vendor("finix"), fake_env);
  EXPECT_EQ(value(finix, "username"), "live-user");
  EXPECT_EQ(value(finix, "password"), "live-pass");
  // A Basic-auth user name is an identifier, not a secret.
  EXPECT_FALSE(finix.find("username")->secret);
  EXPECT_TRUE(finix.find("password")->secret);
  EXPECT_EQ(finix.find("user_id"), nullptr);

  const Variables unset =
      environment_profile(vendor("msp360"), [](const char*) -> const char* { return nullptr; });
  EXPECT_TRUE(unset.all().empty());
}

TEST(Base64, EncodesWithPadding) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("mock-user:mock-password"), "bW9jay11c2VyOm1vY2stcGFzc3dvcmQ=");
}

}  // namespace
}  // namespace conform::replay
