// Draft-07 schema files -> OpenAPI 3.1 components: keyword rewrites, hoisted definitions,
// "$ref"s rewritten to components, data keywords left untouched, broken files reported.
#include "openapi/schema_components.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/temp_dir.hpp"

namespace conform::openapi {
namespace {
namespace fs = std::filesystem;

std::string compact(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

class SchemaComponentsTest : public testing::Test {
 protected:
  // Adds `file` and returns the components as compact JSON. The folder is the catalog's.
  std::string convert(const std::string& file) {
    SchemaComponents components(document_.GetAllocator());
    components.allow_folder(catalog_.empty() ? fs::path(dir_.path()) : catalog_);
    ref_ = components.add(fs::path(dir_.path()) / file);
    findings_ = components.findings();
    rapidjson::Value schemas = components.take_schemas();
    return compact(schemas);
  }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories((fs::path(dir_.path()) / name).parent_path());
    dir_.write(name, text);
  }

  test::TempDir dir_;
  fs::path catalog_;  // empty: the whole temporary folder
  rapidjson::Document document_;
  std::string ref_;
  Findings findings_;
};

TEST_F(SchemaComponentsTest, HoistsDefinitionsAndRewritesRefsToComponents) {
  write("response-400.schema.json",
        R"({"$schema": "http://json-schema.org/draft-07/schema#", "description": "d",
            "$ref": "errors.schema.json#/definitions/envelope"})");
  write("errors.schema.json", R"({"$id": "x", "definitions": {
      "envelope": {"type": "object", "properties": {"items": {"type": "array",
                   "items": {"$ref": "#/definitions/error"}}}},
      "error": {"type": "object", "properties": {"code": {"type": "string"}}}}})");
  EXPECT_EQ(convert("response-400.schema.json"),
            R"({"response-400":{"description":"d","$ref":"#/components/schemas/errors.envelope"},)"
            R"("errors":{},)"
            R"("errors.envelope":{"type":"object","properties":{"items":{"type":"array",)"
            R"("items":{"$ref":"#/components/schemas/errors.error"}}}},)"
            R"("errors.error":{"type":"object","properties":{"code":{"type":"string"}}}})");
  EXPECT_EQ(ref_, "#/components/schemas/response-400");
  EXPECT_TRUE(findings_.empty());
}

TEST_F(SchemaComponentsTest, RewritesDraft07KeywordsAs202012SaysTheSame) {
  write("a.schema.json", R"({
    "items": [{"type": "string"}, {"type": "integer"}], "additionalItems": false,
    "dependencies": {"card": ["billing"], "vip": {"required": ["since"]}},
    "properties": {"n": {"definitions": {"x": {"type": "null"}},
                         "$ref": "#/properties/n/definitions/x"},
                   "list": {"items": {"type": "string"}, "additionalItems": false}}})");
  EXPECT_EQ(convert("a.schema.json"),
            R"({"a":{"prefixItems":[{"type":"string"},{"type":"integer"}],"items":false,)"
            R"("dependentRequired":{"card":["billing"]},)"
            R"("dependentSchemas":{"vip":{"required":["since"]}},)"
            R"("properties":{"n":{"$defs":{"x":{"type":"null"}},)"
            R"("$ref":"#/components/schemas/a/properties/n/$defs/x"},)"
            R"("list":{"items":{"type":"string"}}}}})");
}

// Draft-07 ignores what sits beside "$ref" (2020-12 would apply it), so only annotations stay.
TEST_F(SchemaComponentsTest, KeepsOnlyAnnotationsBesideARef) {
  write("a.schema.json", R"({"definitions": {"b": {"type": "string"}},
    "properties": {"x": {"$ref": "#/definitions/b", "title": "t", "minLength": 3}}})");
  EXPECT_EQ(convert("a.schema.json"),
            R"({"a":{"properties":{"x":{"$ref":"#/components/schemas/a.b","title":"t"}}},)"
            R"("a.b":{"type":"string"}})");
}

TEST_F(SchemaComponentsTest, LeavesDataKeywordsAlone) {
  write("a.schema.json",
        R"({"enum": [{"$ref": "#/definitions/x", "items": [1]}], "const": {"definitions": 1},
            "default": {"dependencies": []}, "examples": [{"$schema": "s"}]})");
  EXPECT_EQ(convert("a.schema.json"),
            R"({"a":{"enum":[{"$ref":"#/definitions/x","items":[1]}],"const":{"definitions":1},)"
            R"("default":{"dependencies":[]},"examples":[{"$schema":"s"}]}})");
}

TEST_F(SchemaComponentsTest, NamesFilesOfTheSameNameApart) {
  write("a/errors.schema.json", R"({"$ref": "../b/errors.schema.json"})");
  write("b/errors.schema.json", R"({"type": "object"})");
  EXPECT_EQ(convert("a/errors.schema.json"),
            R"({"errors":{"$ref":"#/components/schemas/errors-2"},"errors-2":{"type":"object"}})");
}

TEST_F(SchemaComponentsTest, ReportsFilesItCannotReadAndRefsItCannotFollow) {
  write("a.schema.json",
        R"({"properties": {"m": {"$ref": "missing.schema.json"},
                           "u": {"$ref": "https://example.com/s.json"}}})");
  convert("a.schema.json");
  ASSERT_EQ(findings_.size(), 2u);
  EXPECT_EQ(findings_[0].severity, Severity::warning);
  EXPECT_NE(findings_[0].message.find("https://example.com/s.json"), std::string::npos);
  EXPECT_EQ(findings_[1].severity, Severity::error);
  EXPECT_NE(findings_[1].message.find("missing.schema.json: cannot read the schema"),
            std::string::npos)
      << findings_[1].message;

  write("bad.schema.json", "{\"type\": ");
  EXPECT_EQ(convert("bad.schema.json"), "{}");
  EXPECT_EQ(ref_, "");
  ASSERT_EQ(findings_.size(), 1u);
  EXPECT_EQ(findings_[0].keyword, "syntax");
}

// A schema from a pull request cannot pull a file from outside the catalog into the
// document: not by "../..", an absolute path or a symbolic link.
TEST_F(SchemaComponentsTest, FollowsNoRefOutOfTheCatalog) {
  catalog_ = fs::path(dir_.path()) / "catalog";
  write("outside.json", R"({"const": "hunter2"})");
  write("catalog/common.schema.json", R"({"type": "string"})");
  write("catalog/v/request.schema.json", R"({"properties": {
      "shared": {"$ref": "../common.schema.json"},
      "climbs": {"$ref": "../../outside.json"},
      "absolute": {"$ref": "/etc/passwd"},
      "linked": {"$ref": "link.json"}}})");
  fs::create_symlink(fs::path(dir_.path()) / "outside.json", catalog_ / "v" / "link.json");
  const std::string components = convert("catalog/v/request.schema.json");
  EXPECT_EQ(components.find("hunter2"), std::string::npos) << components;
  EXPECT_NE(components.find(R"("shared":{"$ref":"#/components/schemas/common"})"),
            std::string::npos)
      << components;
  EXPECT_NE(components.find(R"("common":{"type":"string"})"), std::string::npos) << components;
  ASSERT_EQ(findings_.size(), 3u);
  for (const Finding& finding : findings_) {
    EXPECT_EQ(finding.severity, Severity::error);
    EXPECT_EQ(finding.keyword, "$ref");
    EXPECT_NE(finding.message.find("is outside " + fs::canonical(catalog_).string()),
              std::string::npos)
        << finding.message;
  }
}

}  // namespace
}  // namespace conform::openapi
