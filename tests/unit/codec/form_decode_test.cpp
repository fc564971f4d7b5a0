// Form bodies: pairs read by the schema's types, arrays from repeated keys, objects from
// key[sub], and findings that name the key and its position.
#include <gtest/gtest.h>

#include "codec/decode.hpp"
#include "codec_test_support.hpp"

namespace conform::codec {
namespace {

using testing::load_json;
using testing::parse;
using testing::schemas_dir;
using testing::to_json;

class MaiascoreForm : public ::testing::Test {
 protected:
  Decoded decode_form(std::string_view bytes) {
    DecodeOptions options;
    options.format = Format::form;
    options.schema = schema_.get();
    return decode(bytes, options);
  }
  std::shared_ptr<rapidjson::Document> schema_ =
      load_json(schemas_dir() / "maiascore" / "request.schema.json");
};

TEST_F(MaiascoreForm, ScalarsAreReadByTheSchemaTypes) {
  const Decoded d = decode_form(
      "username=jlopez&email=test%40mydomain.com&confirmed=false&blocked=true&role=a+b&"
      "password=p%26ss%3D");
  ASSERT_TRUE(d.ok);
  EXPECT_TRUE(d.findings.empty());
  EXPECT_EQ(to_json(d.value),
            R"({"username":"jlopez","email":"test@mydomain.com","confirmed":false,)"
            R"("blocked":true,"role":"a b","password":"p&ss="})");
}

TEST_F(MaiascoreForm, RepeatedKeysMakeAnArrayAndOneKeyAOneItemArray) {
  EXPECT_EQ(to_json(decode_form("reports=maia-c6cbaa76ba8f&reports=maia-3b5a054c593d").value),
            R"({"reports":["maia-c6cbaa76ba8f","maia-3b5a054c593d"]})");
  EXPECT_EQ(to_json(decode_form("reports=maia-c6cbaa76ba8f").value),
            R"({"reports":["maia-c6cbaa76ba8f"]})");
  EXPECT_EQ(to_json(decode_form("reports[]=a&reports[]=b").value), R"({"reports":["a","b"]})");
  EXPECT_EQ(to_json(decode_form("reports[]").value), R"({"reports":[]})");
}

TEST_F(MaiascoreForm, StringsStayStrings) {
  EXPECT_EQ(to_json(decode_form("username=123&role=true").value),
            R"({"username":"123","role":"true"})");
}

TEST_F(MaiascoreForm, BadBooleanNamesTheKeyAndPosition) {
  const Decoded d = decode_form("username=x&confirmed=yes");
  ASSERT_EQ(d.findings.size(), 1u);
  const Finding& f = d.findings[0];
  EXPECT_EQ(f.keyword, "form-boolean");
  EXPECT_EQ(f.pointer, "/confirmed");
  EXPECT_EQ(f.xpath, "confirmed");
  EXPECT_EQ(f.line, 1);
  EXPECT_EQ(f.column, 12);
  EXPECT_EQ(f.actual, "yes");
}

TEST_F(MaiascoreForm, PercentEscapeErrors) {
  const Decoded bad = decode_form("username=a%ZZb&role=50%");
  ASSERT_EQ(bad.findings.size(), 2u);
  EXPECT_EQ(bad.findings[0].keyword, "form-encoding");
  EXPECT_EQ(bad.findings[0].column, 11);
  EXPECT_EQ(bad.findings[0].actual, "%ZZ");
  EXPECT_EQ(bad.findings[1].column, 23);
  EXPECT_EQ(bad.findings[1].actual, "%");
  const Decoded utf8 = decode_form("username=%FF%FE");
  ASSERT_EQ(utf8.findings.size(), 1u);
  EXPECT_NE(utf8.findings[0].message.find("not UTF-8"), std::string::npos);
  EXPECT_EQ(to_json(decode_form("username=%C3%A9").value), R"({"username":"é"})");
}

TEST_F(MaiascoreForm, RepeatedScalarKeyIsAFindingOnItsSecondOccurrence) {
  const Decoded d = decode_form("role=a&username=x&role=b");
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].keyword, "form-duplicate");
  EXPECT_EQ(d.findings[0].xpath, "role[2]");
  EXPECT_EQ(d.findings[0].column, 19);
  EXPECT_STREQ(d.value["role"].GetString(), "a");
}

TEST_F(MaiascoreForm, SourceMapGivesKeysWithTheirOccurrence) {
  const Decoded d = decode_form("reports=a&reports=maia-3b5a054c593d\n");
  const Location second = d.source_map->locate("/reports/1");
  EXPECT_EQ(second.xpath, "reports[2]");
  EXPECT_EQ(second.column, 11);
}

TEST_F(MaiascoreForm, JsonDeclaredAsAFormSaysWhatItIs) {
  // The maiascore seed's code samples send this with a form content type.
  DecodeOptions options;
  options.format = Format::form;
  options.media_type = "application/x-www-form-urlencoded";
  const Decoded d = decode("{\n  \"username\": \"jlopez\"\n}", options);
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].keyword, "content-type");
  EXPECT_EQ(d.findings[0].message,
            "the body is JSON but was declared application/x-www-form-urlencoded");
}

TEST(FormDecode, BracketsMakeObjects) {
  const auto schema = parse(
      R"({"properties": {"enabled": {"type": "boolean"},
          "tags": {"type": ["object", "null"], "additionalProperties": {"type": "string"}}}})");
  DecodeOptions options;
  options.format = Format::form;
  options.schema = schema.get();
  const Decoded d = decode("enabled=true&tags[key]=value&tags[n]=42", options);
  EXPECT_TRUE(d.findings.empty());
  EXPECT_EQ(to_json(d.value), R"({"enabled":true,"tags":{"key":"value","n":"42"}})");
  EXPECT_EQ(d.source_map->locate("/tags/n").xpath, "tags[n]");
}

TEST(FormDecode, EmptyBodyIsAnEmptyObject) {
  DecodeOptions options;
  options.format = Format::form;
  const Decoded d = decode("", options);
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(to_json(d.value), "{}");
}

}  // namespace
}  // namespace conform::codec
