// The OpenAPI 3.1 document of each vendor: paths, parameters, security, bodies per media
// type, responses per status, and components whose "$ref"s all resolve inside the document.
// (tests/openapi/run.sh also loads every document with a real OpenAPI validator.)
#include "openapi/document.hpp"

#include <gtest/gtest.h>
#include <rapidjson/pointer.h>

#include <filesystem>
#include <string>
#include <vector>

#include "contracts/catalog.hpp"

namespace conform::openapi {
namespace {

const contracts::Catalog& catalog() {
  static const auto loaded = contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
  return *loaded;
}

std::shared_ptr<rapidjson::Document> document_of(const std::string& id) {
  const auto* manifest = catalog().find(id);
  EXPECT_NE(manifest, nullptr) << id;
  if (manifest == nullptr) return nullptr;
  const Document built = build_document(catalog(), *manifest);
  for (const auto& f : built.findings) ADD_FAILURE() << id << ": " << f.message;
  return built.json;
}

const rapidjson::Value* at(const rapidjson::Value& root, const std::string& pointer) {
  return rapidjson::Pointer(pointer.c_str()).Get(root);
}

std::string text_at(const rapidjson::Value& root, const std::string& pointer) {
  const rapidjson::Value* value = at(root, pointer);
  return value != nullptr && value->IsString() ? value->GetString() : "<none at " + pointer + ">";
}

std::vector<std::string> keys_at(const rapidjson::Value& root, const std::string& pointer) {
  std::vector<std::string> keys;
  const rapidjson::Value* value = at(root, pointer);
  if (value == nullptr || !value->IsObject()) return keys;
  for (const auto& member : value->GetObject()) keys.emplace_back(member.name.GetString());
  return keys;
}

// Every "$ref" anywhere in `value`, with where it sits.
void collect_refs(const rapidjson::Value& value, const std::string& where,
                  std::vector<std::pair<std::string, std::string>>& refs) {
  if (value.IsObject()) {
    for (const auto& member : value.GetObject()) {
      const std::string name = member.name.GetString();
      if (name == "$ref" && member.value.IsString()) {
        refs.emplace_back(where, member.value.GetString());
      } else {
        collect_refs(member.value, where + "/" + name, refs);
      }
    }
  } else if (value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      collect_refs(value[i], where + "/" + std::to_string(i), refs);
    }
  }
}

class EveryVendor : public testing::TestWithParam<std::string> {};

TEST_P(EveryVendor, IsOpenApi31WithEveryRefResolvingInsideTheDocument) {
  const auto doc = document_of(GetParam());
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ(text_at(*doc, "/openapi"), "3.1.0");
  EXPECT_EQ(text_at(*doc, "/info/title"), catalog().find(GetParam())->name);
  std::vector<std::pair<std::string, std::string>> refs;
  collect_refs(*doc, "", refs);
  EXPECT_GE(refs.size(), 2u);
  for (const auto& [where, ref] : refs) {
    ASSERT_EQ(ref.rfind("#/components/schemas/", 0), 0u) << where << ": " << ref;
    EXPECT_NE(at(*doc, ref.substr(1)), nullptr) << where << ": " << ref << " resolves to nothing";
  }
  // Draft-07 only words are gone from the components.
  for (const auto& name : keys_at(*doc, "/components/schemas")) {
    EXPECT_EQ(at(*doc, "/components/schemas/" + name + "/$schema"), nullptr) << name;
    EXPECT_EQ(at(*doc, "/components/schemas/" + name + "/definitions"), nullptr) << name;
  }
}

TEST_P(EveryVendor, HasOneResponsePerDocumentedStatus) {
  const auto doc = document_of(GetParam());
  ASSERT_NE(doc, nullptr);
  const auto& manifest = *catalog().find(GetParam());
  std::vector<std::string> statuses;
  for (const auto& message : manifest.messages) {
    if (message.id.kind == MessageId::Kind::response) statuses.push_back(message.id.status);
  }
  const rapidjson::Value* paths = at(*doc, "/paths");
  ASSERT_NE(paths, nullptr);
  const auto item = paths->FindMember(manifest.endpoint.path.c_str());
  ASSERT_NE(item, paths->MemberEnd());
  std::string method = manifest.endpoint.method;
  for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ASSERT_TRUE(item->value.HasMember(method.c_str()));
  EXPECT_EQ(keys_at(item->value[method.c_str()], "/responses"), statuses);
}

INSTANTIATE_TEST_SUITE_P(Vendors, EveryVendor,
                         testing::Values("finix", "formsonfire", "maiascore", "msp360", "nexudus"));

TEST(OpenApiDocument, PathTemplateHeadersAndBasicAuth) {
  const auto doc = document_of("finix");
  ASSERT_NE(doc, nullptr);
  const std::string op = "/paths/~1users~1{user_id}/put";
  EXPECT_EQ(text_at(*doc, op + "/parameters/0/name"), "user_id");
  EXPECT_EQ(text_at(*doc, op + "/parameters/0/in"), "path");
  EXPECT_TRUE(at(*doc, op + "/parameters/0/required")->GetBool());
  EXPECT_EQ(text_at(*doc, op + "/parameters/1/name"), "Finix-Version");
  EXPECT_EQ(text_at(*doc, op + "/parameters/1/in"), "header");
  EXPECT_EQ(text_at(*doc, op + "/parameters/1/schema/const"), "2022-02-01");
  EXPECT_EQ(text_at(*doc, "/components/securitySchemes/basicAuth/type"), "http");
  EXPECT_EQ(text_at(*doc, "/components/securitySchemes/basicAuth/scheme"), "basic");
  EXPECT_NE(at(*doc, op + "/security/0/basicAuth"), nullptr);
  EXPECT_EQ(text_at(*doc, "/servers/0/url"), "https://finix.sandbox-payments-api.com");
  // An error response names its file's component, which names the hoisted definition.
  EXPECT_EQ(text_at(*doc, op + "/responses/400/content/application~1json/schema/$ref"),
            "#/components/schemas/response-400");
  EXPECT_EQ(text_at(*doc, "/components/schemas/response-400/$ref"),
            "#/components/schemas/errors.envelope");
  EXPECT_EQ(text_at(*doc,
                    "/components/schemas/errors.envelope/properties/_embedded/properties/"
                    "errors/items/$ref"),
            "#/components/schemas/errors.error");
  EXPECT_EQ(text_at(*doc, "/components/schemas/request/properties/tags/propertyNames/description"),
            "seed: maximum character length for individual keys is 40.");
}

TEST(OpenApiDocument, XmlBodiesAreNamedAfterTheXmlRulesAndEmptyResponsesHaveNoContent) {
  const auto doc = document_of("msp360");
  ASSERT_NE(doc, nullptr);
  const std::string body = "/paths/~1api~1Users/put/requestBody";
  EXPECT_EQ(
      keys_at(*doc, body + "/content"),
      (std::vector<std::string>{"application/json", "text/json", "application/xml", "text/xml"}));
  EXPECT_TRUE(at(*doc, body + "/required")->GetBool());
  EXPECT_EQ(text_at(*doc, body + "/content/application~1xml/schema/xml/name"), "UsersEditModels");
  EXPECT_EQ(text_at(*doc, body + "/content/application~1xml/schema/xml/namespace"),
            "http://schemas.datacontract.org/2004/07/MBSAPImvc.Engine.Models");
  EXPECT_EQ(at(*doc, body + "/content/application~1json/schema/xml"), nullptr);
  EXPECT_NE(at(*doc, "/paths/~1api~1Users/put/responses/200/description"), nullptr);
  EXPECT_EQ(at(*doc, "/paths/~1api~1Users/put/responses/200/content"), nullptr);
  EXPECT_EQ(text_at(*doc, "/components/securitySchemes/bearerAuth/scheme"), "bearer");
}

TEST(OpenApiDocument, QueryParametersBodyCredentialsAndXmlOnlyWhereTheVendorSendsIt) {
  const auto doc = document_of("formsonfire");
  ASSERT_NE(doc, nullptr);
  const std::string op = "/paths/~1api~1v2~1user/put";
  EXPECT_EQ(text_at(*doc, op + "/parameters/0/name"), "format");
  EXPECT_EQ(text_at(*doc, op + "/parameters/0/in"), "query");
  EXPECT_TRUE(at(*doc, op + "/parameters/0/required")->GetBool());
  EXPECT_EQ(text_at(*doc, op + "/parameters/0/schema/enum/1"), "xml");
  // Credentials in the body have no OpenAPI scheme: described, not declared.
  EXPECT_EQ(at(*doc, "/components/securitySchemes"), nullptr);
  EXPECT_EQ(at(*doc, op + "/security"), nullptr);
  const std::string description = text_at(*doc, op + "/description");
  EXPECT_NE(description.find("CompanyId, IntegrationKey"), std::string::npos) << description;
  EXPECT_EQ(keys_at(*doc, op + "/responses/200/content"),
            (std::vector<std::string>{"application/json", "application/xml"}));
  EXPECT_EQ(text_at(*doc, op + "/responses/200/content/application~1xml/schema/xml/name"),
            "UserResponse");
  // format=xml picks the format of errors too: they have XML rules (root ErrorResponse).
  EXPECT_EQ(keys_at(*doc, op + "/responses/400/content"),
            (std::vector<std::string>{"application/json", "application/xml"}));
  EXPECT_EQ(text_at(*doc, op + "/responses/401/content/application~1xml/schema/xml/name"),
            "ErrorResponse");
}

// A tool writing XML from the document writes what the mock reads: wrapped lists with
// their item names and namespaces, repeated lists as repeated elements.
TEST(OpenApiDocument, XmlListsNameTheirItemsAndSayWhetherTheyAreWrapped) {
  const auto msp360 = document_of("msp360");
  ASSERT_NE(msp360, nullptr);
  const std::string emails = "/components/schemas/request/properties/NotificationEmails";
  ASSERT_NE(at(*msp360, emails + "/xml/wrapped"), nullptr);
  EXPECT_TRUE(at(*msp360, emails + "/xml/wrapped")->GetBool());
  EXPECT_EQ(text_at(*msp360, emails + "/items/xml/name"), "string");
  EXPECT_EQ(text_at(*msp360, emails + "/items/xml/namespace"),
            "http://schemas.microsoft.com/2003/10/Serialization/Arrays");
  EXPECT_EQ(at(*msp360, "/components/schemas/request/properties/Email/xml"), nullptr)
      << "a scalar in its parent's namespace needs nothing";

  const auto maiascore = document_of("maiascore");
  ASSERT_NE(maiascore, nullptr);
  const std::string reports = "/components/schemas/request/properties/reports";
  EXPECT_EQ(at(*maiascore, reports + "/xml/wrapped"), nullptr);
  EXPECT_EQ(text_at(*maiascore, reports + "/items/xml/name"), "reports");

  const auto formsonfire = document_of("formsonfire");
  ASSERT_NE(formsonfire, nullptr);
  const std::string audits =
      "/components/schemas/response-200/properties/User/properties/UserAudits";
  EXPECT_TRUE(at(*formsonfire, audits + "/xml/wrapped")->GetBool());
  EXPECT_EQ(text_at(*formsonfire, audits + "/items/xml/name"), "UserAudit");
  const std::string errors =
      "/components/schemas/errors.envelope/properties/ResponseStatus/properties/Errors";
  EXPECT_EQ(text_at(*formsonfire, errors + "/items/xml/name"), "ResponseError");
}

// The GET a case reads an update back with is in the document, so a proxy that routes by
// it (Prism) forwards it; its 200 follows what the read returns.
TEST(OpenApiDocument, TheReadOperationIsBesideTheUpdate) {
  const auto finix = document_of("finix");
  ASSERT_NE(finix, nullptr);
  EXPECT_EQ(keys_at(*finix, "/paths/~1users~1{user_id}"), (std::vector<std::string>{"put", "get"}));
  const std::string get = "/paths/~1users~1{user_id}/get";
  EXPECT_EQ(text_at(*finix, get + "/parameters/0/name"), "user_id");
  EXPECT_EQ(text_at(*finix, get + "/responses/200/content/application~1json/schema/$ref"),
            "#/components/schemas/response-200");
  EXPECT_EQ(text_at(*finix, get + "/responses/404/content/application~1json/schema/$ref"),
            "#/components/schemas/response-404");
  EXPECT_NE(at(*finix, get + "/security"), nullptr);

  const auto msp360 = document_of("msp360");
  ASSERT_NE(msp360, nullptr);
  const std::string read = "/paths/~1api~1Users~1{ID}/get";
  EXPECT_EQ(text_at(*msp360, read + "/parameters/0/name"), "ID");
  EXPECT_EQ(text_at(*msp360, read + "/responses/200/content/application~1json/schema/$ref"),
            "#/components/schemas/request")
      << "msp360's read returns the user as the update takes it";

  const auto formsonfire = document_of("formsonfire");
  ASSERT_NE(formsonfire, nullptr);
  EXPECT_EQ(keys_at(*formsonfire, "/paths"), (std::vector<std::string>{"/api/v2/user"}))
      << "no read: one path";
}

TEST(OpenApiDocument, StatusesFromHttpAreMarked) {
  const auto doc = document_of("msp360");
  ASSERT_NE(doc, nullptr);
  const std::string responses = "/paths/~1api~1Users/put/responses";
  EXPECT_EQ(text_at(*doc, responses + "/415/x-conform-origin"), "http");
  EXPECT_EQ(at(*doc, responses + "/404/x-conform-origin"), nullptr);
}

TEST(OpenApiDocument, FormBodiesAndTheDefaultResponse) {
  const auto doc = document_of("maiascore");
  ASSERT_NE(doc, nullptr);
  const std::string op = "/paths/~1users~1{id}/put";
  EXPECT_EQ(keys_at(*doc, op + "/requestBody/content"),
            (std::vector<std::string>{"application/json", "application/xml",
                                      "application/x-www-form-urlencoded"}));
  EXPECT_EQ(text_at(*doc, op + "/responses/default/content/application~1json/schema/$ref"),
            "#/components/schemas/response-default");
  EXPECT_EQ(text_at(*doc, op + "/parameters/0/name"), "id");
}

}  // namespace
}  // namespace conform::openapi
