// RequestCheck: a request against its vendor's contract before the proxy forwards it.
#include "proxy/request_check.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace conform::proxy {
namespace {

class RequestCheckTest : public ::testing::Test {
 protected:
  CheckedRequest check(const std::string& vendor, mock::MockRequest request) {
    const RequestCheck checker(*catalog_, *catalog_->find(vendor));
    return checker.check(request);
  }

  static mock::MockRequest finix(std::string body) {
    mock::MockRequest request;
    request.method = "PUT";
    request.path = "/users/US1";
    request.headers = {{"Authorization", "Basic dTpw"},  // u:p
                       {"Finix-Version", "2022-02-01"},
                       {"Content-Type", "application/json"}};
    request.body = std::move(body);
    return request;
  }

  static std::string keywords(const Findings& findings) {
    std::string out;
    for (const Finding& finding : findings) out += finding.keyword + "@" + finding.pointer + " ";
    return out;
  }

  std::shared_ptr<const contracts::Catalog> catalog_ =
      contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
};

TEST_F(RequestCheckTest, AValidRequestHasNoFindings) {
  const CheckedRequest checked = check("finix", finix(R"({"enabled":true})"));
  EXPECT_TRUE(checked.on_endpoint);
  EXPECT_EQ(keywords(checked.findings), "");
  ASSERT_TRUE(checked.body.value);
}

TEST_F(RequestCheckTest, EachPartOfTheContractIsChecked) {
  mock::MockRequest request = finix(R"({"enabled":"yes"})");
  request.headers = {{"Content-Type", "text/plain"}};
  EXPECT_EQ(keywords(check("finix", request).findings),
            "credentials@/Authorization media-type@/Content-Type header@/Finix-Version "
            "type@/enabled ");
}

TEST_F(RequestCheckTest, CredentialsMustBeInTheVendorsScheme) {
  mock::MockRequest request = finix(R"({"enabled":true})");
  request.headers[0] = {"Authorization", "Bearer abc"};
  EXPECT_EQ(keywords(check("finix", request).findings), "credentials@/Authorization ");
  request.headers[0] = {"Authorization", "Basic bm9jb2xvbg=="};  // "nocolon"
  EXPECT_EQ(keywords(check("finix", request).findings), "credentials@/Authorization ");
}

TEST_F(RequestCheckTest, RequiredQueryParametersAndFormBodies) {
  mock::MockRequest request;
  request.method = "PUT";
  request.path = "/api/v2/user";
  request.headers = {{"Content-Type", "application/json"}};
  request.body = R"({"Id":"2ebc64a36a0d400d8c1e5b7a9f3d6e24","CompanyId":1,"IntegrationKey":"k"})";
  EXPECT_EQ(keywords(check("formsonfire", request).findings), "required@/format ");
  request.query.emplace("format", "yaml");
  EXPECT_EQ(keywords(check("formsonfire", request).findings), "enum@/format ");

  mock::MockRequest form;
  form.method = "PUT";
  form.path = "/users/64b7f3c2a1e4d5f6a7b8c9d0";
  form.headers = {{"Authorization", "Bearer t"},
                  {"Content-Type", "application/x-www-form-urlencoded"}};
  form.body = "confirmed=false&reports=maia-0123456789ab";
  EXPECT_EQ(keywords(check("maiascore", form).findings), "");
}

TEST_F(RequestCheckTest, OtherOperationsAreNotChecked) {
  mock::MockRequest request = finix("");
  request.method = "GET";
  request.headers.clear();
  const CheckedRequest checked = check("finix", request);
  EXPECT_FALSE(checked.on_endpoint);
  EXPECT_TRUE(checked.on_read);  // the manifest's endpoint.read: its response is checked
  EXPECT_EQ(keywords(checked.findings), "");
  request.method = "DELETE";
  EXPECT_FALSE(check("finix", request).on_read);
  request.method = "PUT";
  request.path = "/users/US1/extra";
  EXPECT_FALSE(check("finix", request).on_endpoint);
}

}  // namespace
}  // namespace conform::proxy
