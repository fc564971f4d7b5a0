#include "mock/credentials.hpp"

#include <gtest/gtest.h>

namespace conform::mock {
namespace {

TEST(Base64, DecodesWithAndWithoutPaddingAndRejectsJunk) {
  std::string out;
  ASSERT_TRUE(base64_decode("bW9jay11c2VyOm1vY2stcGFzc3dvcmQ=", out));
  EXPECT_EQ(out, "mock-user:mock-password");
  ASSERT_TRUE(base64_decode("YQ", out));
  EXPECT_EQ(out, "a");
  EXPECT_FALSE(base64_decode("a*b", out));
  EXPECT_FALSE(base64_decode("YQ==YQ", out));
}

VendorMock fixtures() {
  VendorMock mock;
  Credential editor;
  editor.token = "mock-token";
  editor.roles = {"User-Edit"};
  Credential reader;
  reader.token = "mock-token-readonly";
  Credential basic;
  basic.username = "mock-user";
  basic.password = "mock-password";
  mock.credentials = {editor, reader, basic};
  return mock;
}

MockRequest with_authorization(const std::string& value) {
  MockRequest request;
  request.headers.emplace_back("authorization", value);
  return request;
}

TEST(Credentials, BearerTokensAndRoles) {
  VendorMock mock = fixtures();
  EXPECT_EQ(check_header_credentials("bearer", mock, with_authorization("Bearer mock-token")),
            AuthVerdict::ok);
  EXPECT_EQ(check_header_credentials("bearer", mock, with_authorization("bearer mock-token")),
            AuthVerdict::ok);
  EXPECT_EQ(check_header_credentials("bearer", mock, with_authorization("Bearer other")),
            AuthVerdict::unauthenticated);
  EXPECT_EQ(check_header_credentials("bearer", mock, MockRequest{}), AuthVerdict::unauthenticated);
  mock.required_role = "User-Edit";
  EXPECT_EQ(
      check_header_credentials("bearer", mock, with_authorization("Bearer mock-token-readonly")),
      AuthVerdict::forbidden);
}

TEST(Credentials, BasicNeedsTheRightPair) {
  const VendorMock mock = fixtures();
  EXPECT_EQ(check_header_credentials("basic", mock,
                                     with_authorization("Basic bW9jay11c2VyOm1vY2stcGFzc3dvcmQ=")),
            AuthVerdict::ok);
  // mock-user:wrong
  EXPECT_EQ(
      check_header_credentials("basic", mock, with_authorization("Basic bW9jay11c2VyOndyb25n")),
      AuthVerdict::unauthenticated);
  EXPECT_EQ(check_header_credentials("basic", mock, with_authorization("Bearer mock-token")),
            AuthVerdict::unauthenticated);
}

TEST(Credentials, BodyCredentialsMatchMemberByMember) {
  rapidjson::Document expected;
  expected.Parse(R"({"CompanyId":12345,"IntegrationKey":"k"})");
  VendorMock mock;
  Credential credential;
  credential.body = &expected;
  mock.credentials = {credential};
  rapidjson::Document body;
  body.Parse(R"({"Id":"x","CompanyId":12345,"IntegrationKey":"k"})");
  EXPECT_EQ(check_body_credentials(mock, body), AuthVerdict::ok);
  body.Parse(R"({"Id":"x","CompanyId":12345,"IntegrationKey":"K"})");
  EXPECT_EQ(check_body_credentials(mock, body), AuthVerdict::unauthenticated);
  body.Parse(R"({"Id":"x","CompanyId":"12345","IntegrationKey":"k"})");
  EXPECT_EQ(check_body_credentials(mock, body), AuthVerdict::unauthenticated);
}

}  // namespace
}  // namespace conform::mock
