#include "mock/vendor_endpoint.hpp"

#include <gtest/gtest.h>

#include "codec/json_text.hpp"

namespace conform::mock {
namespace {

std::shared_ptr<const contracts::Catalog> catalog() {
  static const auto loaded = contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
  return loaded;
}

// The test-only vendor (tests/data/vendors/acme): the tests of the mock's generic handling
// use it, so a change to a shipped vendor's contract does not touch them.
std::shared_ptr<const contracts::Catalog> acme_catalog() {
  static const auto loaded = contracts::Catalog::load(CONFORM_TESTS_DIR "/data/vendors");
  return loaded;
}

class Endpoint {
 public:
  explicit Endpoint(const std::string& vendor,
                    std::shared_ptr<const contracts::Catalog> from = catalog())
      : endpoint_(from, *from->find(vendor), store_, "default", 1 << 20) {
    endpoint_.seed_users();
  }

  MockResponse send(const std::string& method, const std::string& path, const std::string& body,
                    std::vector<std::pair<std::string, std::string>> headers,
                    std::multimap<std::string, std::string> query = {}) {
    MockRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.headers = std::move(headers);
    request.query = std::move(query);
    return endpoint_.handle(request, ++noise_);
  }

  UserStore& store() { return store_; }

 private:
  UserStore store_;
  VendorEndpoint endpoint_;
  std::uint64_t noise_ = 0;
};

rapidjson::Document parse(const std::string& json) {
  rapidjson::Document document;
  document.Parse(json.c_str());
  EXPECT_FALSE(document.HasParseError()) << json;
  return document;
}

const std::pair<std::string, std::string> kJson{"Content-Type", "application/json"};
const std::pair<std::string, std::string> kFinixAuth{"Authorization",
                                                     "Basic bW9jay11c2VyOm1vY2stcGFzc3dvcmQ="};
const std::pair<std::string, std::string> kFinixVersion{"Finix-Version", "2022-02-01"};
const std::pair<std::string, std::string> kAcmeAuth{"Authorization", "Basic dGVzdGVyOnB3"};
const std::pair<std::string, std::string> kAcmeVersion{"Acme-Api-Version", "3"};

TEST(VendorEndpoint, FinixUpdateStoresTagsMovesUpdatedAtAndTheReadShowsIt) {
  Endpoint finix("finix");
  const auto response =
      finix.send("PUT", "/users/USsRhsHYZGBPnQw8CByJyEQW",
                 R"({"enabled":false,"tags":{"order":"25"}})", {kJson, kFinixAuth, kFinixVersion});
  ASSERT_EQ(response.status, 200) << response.body;
  const auto body = parse(response.body);
  EXPECT_FALSE(body["enabled"].GetBool());
  EXPECT_STREQ(body["tags"]["order"].GetString(), "25");
  EXPECT_STRNE(body["updated_at"].GetString(), body["created_at"].GetString());

  const auto read = finix.send("GET", "/users/USsRhsHYZGBPnQw8CByJyEQW", "", {kFinixAuth});
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(codec::to_json_text(parse(read.body)["tags"]), R"({"order":"25"})");
}

TEST(VendorEndpoint, FinixRejectsWrongCredentialsWithCodeUnknown) {
  Endpoint finix("finix");
  const auto response =
      finix.send("PUT", "/users/USsRhsHYZGBPnQw8CByJyEQW", R"({"enabled":false})",
                 {kJson, {"Authorization", "Basic bW9jay11c2VyOndyb25n"}, kFinixVersion});
  EXPECT_EQ(response.status, 401);
  EXPECT_STREQ(parse(response.body)["_embedded"]["errors"][0]["code"].GetString(), "UNKNOWN");
}

TEST(VendorEndpoint, NexudusNamesEveryInvalidPropertyWithItsAttemptedValue) {
  Endpoint nexudus("nexudus");
  const auto response = nexudus.send(
      "PUT", "/api/sys/users",
      R"({"Id":1001,"FullName":"A","Email":"not-an-email","Language":9,"PasswordSalt":"s",)"
      R"("LastHelpVisited":0,"InvalidLoginAttempts":0})",
      {kJson, {"Authorization", "Bearer mock-token"}});
  ASSERT_EQ(response.status, 400) << response.body;
  const auto body = parse(response.body);
  EXPECT_FALSE(body["WasSuccessful"].GetBool());
  std::set<std::string> properties;
  for (const auto& error : body["Errors"].GetArray()) {
    properties.insert(error["PropertyName"].GetString());
    if (std::string(error["PropertyName"].GetString()) == "Email") {
      EXPECT_STREQ(error["AttemptedValue"].GetString(), "not-an-email");
    }
  }
  EXPECT_TRUE(properties.count("Email")) << response.body;
  EXPECT_TRUE(properties.count("Language")) << response.body;
}

TEST(VendorEndpoint, NexudusReadonlyTokenIsForbiddenToUpdate) {
  Endpoint nexudus("nexudus");
  const auto response = nexudus.send(
      "PUT", "/api/sys/users",
      R"({"Id":1001,"FullName":"A","Email":"a@example.com","Language":1,"PasswordSalt":"s",)"
      R"("LastHelpVisited":0,"InvalidLoginAttempts":0})",
      {kJson, {"Authorization", "Bearer mock-token-readonly"}});
  EXPECT_EQ(response.status, 403) << response.body;
  EXPECT_EQ(parse(response.body)["Status"].GetInt(), 403);
}

TEST(VendorEndpoint, NexudusUnrestrictedAdministratorNeedsNoRole) {
  Endpoint nexudus("nexudus");
  const auto response = nexudus.send(
      "PUT", "/api/sys/users",
      R"({"Id":1001,"FullName":"A","Email":"a@example.com","Language":1,"PasswordSalt":"s",)"
      R"("LastHelpVisited":0,"InvalidLoginAttempts":0})",
      {kJson, {"Authorization", "Bearer mock-token-admin"}});
  EXPECT_EQ(response.status, 200) << response.body;
}

TEST(VendorEndpoint, NexudusAddedAndRemovedListsEditTheStoredLists) {
  Endpoint nexudus("nexudus");
  const std::pair<std::string, std::string> auth{"Authorization", "Bearer mock-token"};
  const std::string required =
      R"("Id":1001,"FullName":"A","Email":"a@example.com","Language":1,"PasswordSalt":"s",)"
      R"("LastHelpVisited":0,"InvalidLoginAttempts":0)";
  // The seed user has UserRoles [7] and Businesses [1], and no ChatRooms.
  ASSERT_EQ(nexudus
                .send("PUT", "/api/sys/users",
                      "{" + required +
                          R"(,"AddedBusinesses":[2,1],"RemovedUserRoles":[7],"AddedUserRoles":[9],)"
                          R"("AddedChatRooms":[4],"RemovedChatRooms":[5]})",
                      {kJson, auth})
                .status,
            200);
  const auto read = nexudus.send("GET", "/api/sys/users/1001", "", {auth});
  ASSERT_EQ(read.status, 200) << read.body;
  const auto user = parse(read.body);
  const auto& value = user["Value"];
  EXPECT_EQ(codec::to_json_text(value["Businesses"]), "[1,2]") << read.body;
  EXPECT_EQ(codec::to_json_text(value["UserRoles"]), "[9]") << read.body;
  EXPECT_EQ(codec::to_json_text(value["ChatRooms"]), "[4]") << read.body;
  EXPECT_FALSE(value.HasMember("AddedBusinesses")) << "an instruction is not stored";
  EXPECT_FALSE(value.HasMember("RemovedChatRooms"));

  // Removing from a list the request replaces applies to the new list.
  ASSERT_EQ(
      nexudus
          .send("PUT", "/api/sys/users",
                "{" + required + R"(,"Businesses":[3,4],"RemovedBusinesses":[3]})", {kJson, auth})
          .status,
      200);
  EXPECT_EQ(
      codec::to_json_text(parse(
          nexudus.send("GET", "/api/sys/users/1001", "", {auth}).body)["Value"]["Businesses"]),
      "[4]");
}

TEST(VendorEndpoint, MaiascoreAnswersMissingOrWrongCredentialsWith403) {
  Endpoint maiascore("maiascore");
  for (const auto& auth : std::vector<std::vector<std::pair<std::string, std::string>>>{
           {kJson}, {kJson, {"Authorization", "Bearer wrong"}}}) {
    const auto response =
        maiascore.send("PUT", "/users/64b7f3c2a1e4d5f6a7b8c9d0", R"({"blocked":true})", auth);
    EXPECT_EQ(response.status, 403) << response.body;
    EXPECT_EQ(parse(response.body)["code"].GetInt(), 403);
  }
  EXPECT_EQ(maiascore.send("GET", "/users/64b7f3c2a1e4d5f6a7b8c9d0", "", {}).status, 403);
}

TEST(VendorEndpoint, MaiascoreAcceptsFormBodiesAndStoresReportsAsObjects) {
  Endpoint maiascore("maiascore");
  const auto response =
      maiascore.send("PUT", "/users/64b7f3c2a1e4d5f6a7b8c9d0",
                     "blocked=true&role=editor&reports=maia-0123456789ab&reports=maia-ba9876543210",
                     {{"Content-Type", "application/x-www-form-urlencoded"},
                      {"Authorization", "Bearer mock-token"}});
  ASSERT_EQ(response.status, 200) << response.body;
  const auto body = parse(response.body);
  EXPECT_TRUE(body["blocked"].GetBool());
  EXPECT_STREQ(body["role"]["name"].GetString(), "editor");
  ASSERT_EQ(body["reports"].Size(), 2u);
  EXPECT_STREQ(body["reports"][1]["uuid"].GetString(), "maia-ba9876543210");
}

TEST(VendorEndpoint, FormsonfireChecksBodyCredentialsAndFindsGuidsInAnyForm) {
  Endpoint formsonfire("formsonfire");
  const std::multimap<std::string, std::string> json{{"format", "json"}};
  const auto wrong = formsonfire.send(
      "PUT", "/api/v2/user",
      R"({"Id":"2ebc64a3-6a0d-400d-8c1e-5b7a9f3d6e24","CompanyId":12345,"IntegrationKey":"nope"})",
      {kJson}, json);
  EXPECT_EQ(wrong.status, 401) << wrong.body;
  const auto ok =
      formsonfire.send("PUT", "/api/v2/user",
                       R"({"Id":"2EBC64A3-6A0D-400D-8C1E-5B7A9F3D6E24","CompanyId":12345,)"
                       R"("IntegrationKey":"mock-integration-key","FirstName":"Renamed"})",
                       {kJson}, json);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_STREQ(parse(ok.body)["User"]["FirstName"].GetString(), "Renamed");
  EXPECT_EQ(ok.body.find("mock-integration-key"), std::string::npos);
}

TEST(VendorEndpoint, Msp360AnswersAnEmptyTwoHundred) {
  Endpoint msp360("msp360");
  const auto response = msp360.send(
      "PUT", "/api/Users", R"({"ID":"9d6de082-741c-44fe-b067-1a36eb03fa40","Enabled":false})",
      {kJson, {"Authorization", "Bearer mock-token"}});
  EXPECT_EQ(response.status, 200) << response.body;
  EXPECT_TRUE(response.body.empty());
  const auto read = msp360.send("GET", "/api/Users/9d6de082-741c-44fe-b067-1a36eb03fa40", "",
                                {{"Authorization", "Bearer mock-token"}});
  ASSERT_EQ(read.status, 200);
  EXPECT_FALSE(parse(read.body)["Enabled"].GetBool());
}

TEST(VendorEndpoint, AMissingRequiredMemberIsNamedWithANullAttemptedValue) {
  Endpoint acme("acme", acme_catalog());
  const auto response =
      acme.send("PATCH", "/v2/members/m-1", R"({"display_name":"A","manager":{}})",
                {kJson, kAcmeAuth, kAcmeVersion});
  ASSERT_EQ(response.status, 400) << response.body;
  const auto body = parse(response.body);
  const auto& errors = body["error"]["errors"];
  ASSERT_EQ(errors.Size(), 1u) << response.body;
  EXPECT_STREQ(errors[0]["member"].GetString(), "manager.member_id");
  EXPECT_TRUE(errors[0]["attempted"].IsNull());
}

TEST(VendorEndpoint, BytesThatAreNotJsonGetA400SayingWhere) {
  Endpoint acme("acme", acme_catalog());
  const auto response = acme.send("PATCH", "/v2/members/m-1", "{\"display_name\":\n  5",
                                  {kJson, kAcmeAuth, kAcmeVersion});
  ASSERT_EQ(response.status, 400) << response.body;
  EXPECT_NE(
      std::string(parse(response.body)["error"]["detail"].GetString()).find("(line 2, column"),
      std::string::npos)
      << response.body;
}

TEST(VendorEndpoint, AMemberTheManifestMarksSecretIsNeverKeptNorEchoed) {
  // acme's mock does not list api_secret in store.ignore: the manifest's secrets alone keep it.
  Endpoint acme("acme", acme_catalog());
  const std::string secret = "5b1f0c3e-8d2a-4c6b-9e7f-0a1b2c3d4e5f";
  const auto response = acme.send("PATCH", "/v2/members/m-1",
                                  R"({"display_name":"A","api_secret":")" + secret + R"("})",
                                  {kJson, kAcmeAuth, kAcmeVersion});
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.body.find(secret), std::string::npos) << response.body;
  const auto read = acme.send("GET", "/v2/members/m-1", "", {kAcmeAuth, kAcmeVersion});
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.body.find("api_secret"), std::string::npos) << read.body;
  EXPECT_NE(read.body.find("\"display_name\":\"A\""), std::string::npos) << read.body;
}

TEST(VendorEndpoint, UnknownUserMethodAndMediaTypeAnswerInTheVendorsShape) {
  Endpoint acme("acme", acme_catalog());
  const auto missing = acme.send("PATCH", "/v2/members/nobody", R"({"active":true})",
                                 {kJson, kAcmeAuth, kAcmeVersion});
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(parse(missing.body)["error"]["status"].GetInt(), 404);
  const auto method = acme.send("DELETE", "/v2/members/m-1", "", {kAcmeAuth, kAcmeVersion});
  EXPECT_EQ(method.status, 405);
  const auto media = acme.send("PATCH", "/v2/members/m-1", "active: true",
                               {{"Content-Type", "text/plain"}, kAcmeAuth, kAcmeVersion});
  EXPECT_EQ(media.status, 415);
  EXPECT_NE(parse(media.body)["error"]["detail"].GetString(), std::string());
}

TEST(VendorEndpoint, ADisallowedQueryValueGetsA400ListingTheAllowedOnes) {
  Endpoint acme("acme", acme_catalog());
  const auto response = acme.send("PATCH", "/v2/members/m-1", R"({"active":true})",
                                  {kJson, kAcmeAuth, kAcmeVersion}, {{"notify", "maybe"}});
  EXPECT_EQ(response.status, 400) << response.body;
  EXPECT_NE(response.body.find("allowed values (yes, no)"), std::string::npos) << response.body;
}

}  // namespace
}  // namespace conform::mock
