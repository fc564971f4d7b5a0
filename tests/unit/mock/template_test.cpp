#include "mock/template.hpp"

#include <gtest/gtest.h>

#include "codec/json_pointer.hpp"
#include "codec/json_text.hpp"
#include "mock/field_name.hpp"

namespace conform::mock {
namespace {

rapidjson::Document parse_template(const char* json) {
  rapidjson::Document document;
  document.Parse(json);
  EXPECT_FALSE(document.HasParseError()) << json;
  return document;
}

std::string render_json(const char* tmpl, const TemplateContext& context) {
  const rapidjson::Document source = parse_template(tmpl);
  rapidjson::Document out;
  rapidjson::Value value = render(source, context, out.GetAllocator());
  return codec::to_json_text(value);
}

TEST(Template, WholePlaceholderKeepsTheJsonTypeAndEmbeddedOnesBecomeText) {
  TemplateContext context;
  context.status = 404;
  context.path = "/users/x";
  EXPECT_EQ(
      render_json(R"({"Status":"{{status}}","Message":"{{reason}} at {{path}} [{{status}}]"})",
                  context),
      R"({"Status":404,"Message":"Not Found at /users/x [404]"})");
  EXPECT_EQ(render_json(R"({"code":"{{reason_code}}"})", context), R"({"code":"NOT_FOUND"})");
}

TEST(Template, EachRendersOneItemPerErrorWithTheAttemptedValue) {
  const rapidjson::Document body = parse_template(R"({"Email":"nope","Language":9})");
  TemplateContext context;
  context.status = 400;
  context.errors.push_back({"Email", "/Email", "must be an email", "format", &body["Email"]});
  context.errors.push_back(
      {"Language", "/Language", "must be 1, 2 or 3", "enum", &body["Language"]});
  EXPECT_EQ(
      render_json(
          R"({"total":"{{count}}","Message":"{{summary}}","Errors":{"$each":)"
          R"({"PropertyName":"{{field}}","AttemptedValue":"{{attempted}}","text":"{{detail}}"}}})",
          context),
      R"({"total":2,"Message":"Email: must be an email; Language: must be 1, 2 or 3","Errors":[)"
      R"({"PropertyName":"Email","AttemptedValue":"nope","text":"Email: must be an email"},)"
      R"({"PropertyName":"Language","AttemptedValue":9,"text":"Language: must be 1, 2 or 3"}]})");
}

TEST(Template, AMissingAttemptedValueIsNull) {
  TemplateContext context;
  context.errors.push_back({"", "", "The user 7 does not exist", "", nullptr});
  EXPECT_EQ(render_json(R"({"$each":{"v":"{{attempted}}","m":"{{detail}}"}})", context),
            R"([{"v":null,"m":"The user 7 does not exist"}])");
}

TEST(Template, SpreadCopiesTheUserAndOmitOrAMissingValueDropsMembers) {
  const rapidjson::Document user = parse_template(R"({"id":"U1","enabled":true,"secret":"s"})");
  TemplateContext context;
  context.user = &user;
  EXPECT_EQ(
      render_json(R"({"...":"{{user}}","secret":{"$omit":true},"is_enabled":"{{user/enabled}}",)"
                  R"("missing":"{{user/nope}}","enabled":"{{user/gone}}"})",
                  context),
      R"({"id":"U1","is_enabled":true})");
}

TEST(Template, ValueAndUuidServeStoredFieldTemplates) {
  TemplateContext context;
  const rapidjson::Document value = parse_template(R"("maia-0123456789ab")");
  context.value = &value;
  int calls = 0;
  context.next_uuid = [&calls] { return "uuid-" + std::to_string(++calls); };
  EXPECT_EQ(render_json(R"({"uuid":"{{value}}","id":"{{uuid}}","again":"{{uuid}}"})", context),
            R"({"uuid":"maia-0123456789ab","id":"uuid-1","again":"uuid-2"})");
}

TEST(Template, UnknownPlaceholdersAreReportedForTheManifestCheck) {
  const rapidjson::Document tmpl =
      parse_template(R"({"a":"{{status}} {{stauts}}","b":[{"c":"{{user/x}}"},"{{bogus}}"]})");
  EXPECT_EQ(unknown_placeholders(tmpl), (std::vector<std::string>{"stauts", "bogus"}));
}

TEST(JsonPointer, FindsMembersAndItemsAndNamesFieldsTheVendorWay) {
  const rapidjson::Document doc = parse_template(R"({"tags":{"a/b":"x"},"list":[1,2]})");
  ASSERT_NE(codec::resolve_pointer(doc, "/tags/a~1b"), nullptr);
  EXPECT_EQ(codec::to_plain_text(*codec::resolve_pointer(doc, "/tags/a~1b")), "x");
  EXPECT_EQ(codec::to_plain_text(*codec::resolve_pointer(doc, "/list/1")), "2");
  EXPECT_EQ(codec::resolve_pointer(doc, "/list/2"), nullptr);
  EXPECT_EQ(codec::resolve_pointer(doc, "/nope"), nullptr);
  EXPECT_EQ(field_name("/tags/order_number"), "tags.order_number");
  EXPECT_EQ(field_name("/Email"), "Email");
  EXPECT_EQ(field_name(""), "");
}

// Regression: a body with 60,000 undocumented members was answered with 60,000 errors. Lists
// name the first 100 and then how many more; "count" stays true.
TEST(Template, ErrorListsAreCappedWhileTheCountStaysTrue) {
  for (const std::size_t n : {std::size_t{99}, std::size_t{100}, std::size_t{101}, std::size_t{150},
                              std::size_t{60000}}) {
    TemplateContext context;
    context.status = 400;
    for (std::size_t i = 0; i < n; ++i) {
      context.errors.push_back({"m" + std::to_string(i), "/m" + std::to_string(i),
                                "undocumented property", "additionalProperties", nullptr});
    }
    const rapidjson::Document tmpl = parse_template(
        R"({"total":"{{count}}","errors":{"$each":{"field":"{{field}}","message":"{{error}}"}},"summary":"{{summary}}"})");
    rapidjson::Document out;
    const rapidjson::Value value = render(tmpl, context, out.GetAllocator());
    EXPECT_EQ(value["total"].GetUint64(), n);
    const auto& errors = value["errors"];
    const std::string summary = value["summary"].GetString();
    if (n <= 100) {
      EXPECT_EQ(errors.Size(), n);
      EXPECT_EQ(summary.find("more findings"), std::string::npos);
    } else {
      ASSERT_EQ(errors.Size(), 101u);
      EXPECT_EQ(
          std::string(errors[100]["message"].GetString()),
          "... and " + std::to_string(n - 100) + (n == 101 ? " more finding" : " more findings"));
      EXPECT_NE(summary.find("; ... and " + std::to_string(n - 100) + " more"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace conform::mock
