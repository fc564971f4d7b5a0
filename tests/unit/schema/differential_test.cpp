// The compiled engine against valijson (the reference): on the JSON Schema Test Suite, on
// seeded random instances of rich schemas, and on every vendor schema with its examples.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "schema/schema.hpp"
#include "support/reference_validator.hpp"
#include "unit/schema/schema_test_support.hpp"
#include "unit/schema/suite_cases.hpp"

namespace conform::schema::testing {
namespace {

bool only_format_findings(const Findings& findings) {
  for (const auto& finding : findings) {
    if (finding.keyword != "format") return false;
  }
  return !findings.empty();
}

// Where the engines differ, valijson must be the one the suite proves wrong.
TEST(Differential, SuiteVerdictsDifferOnlyWhereValijsonIsWrong) {
  int agree = 0, valijson_wrong = 0, unsupported = 0;
  std::map<std::string, const rapidjson::Value*> last_schema;
  for (const auto& suite_case : load_suite_cases(required_suite_files())) {
    auto registry = suite_registry();
    bool verdict =
        registry->load_value(*suite_case.schema, "")->validate(*suite_case.data, nullptr);
    std::optional<bool> reference;
    try {
      ReferenceValidator::Options options;
      options.url_prefixes = {{"http://localhost:1234/", suite_root() + "/remotes/"}};
      reference = ReferenceValidator(*suite_case.schema, options).validate(*suite_case.data);
    } catch (const std::exception&) {
    }
    if (!reference) {
      ++unsupported;
    } else if (*reference == verdict) {
      ++agree;
    } else {
      ++valijson_wrong;
      EXPECT_EQ(verdict, suite_case.valid)
          << "engines differ and conform is wrong: " << suite_case.name;
    }
  }
  std::printf("suite: %d agree, %d where valijson is wrong, %d valijson cannot run\n", agree,
              valijson_wrong, unsupported);
  EXPECT_GT(agree, 800);
}

// A schema and, per property, candidate values: the first one valid ("" for "absent"),
// the others valid or not. No candidate hits a
// known valijson gap (1.0 as an integer, $id, formats other than date and time).
struct RichSchema {
  const char* schema;
  std::vector<std::pair<std::string, std::vector<std::string>>> candidates;
};

const std::vector<RichSchema>& rich_schemas() {
  static const std::vector<RichSchema> schemas = {
      {R"({
        "type": "object", "additionalProperties": false,
        "required": ["id", "name", "roles"],
        "properties": {
          "id": {"type": "integer", "minimum": 1, "maximum": 1000000},
          "name": {"type": "string", "minLength": 1, "maxLength": 12, "pattern": "^[A-Z][a-z]+$"},
          "roles": {"type": "array", "items": {"enum": ["admin", "user", "guest"]},
                    "uniqueItems": true, "minItems": 1, "maxItems": 3},
          "score": {"type": "number", "multipleOf": 0.5, "exclusiveMaximum": 100},
          "birthday": {"type": "string", "format": "date"},
          "address": {"type": "object", "required": ["city"],
                      "properties": {"city": {"type": "string"}, "zip": {"type": ["string", "null"], "pattern": "^[0-9]{5}$"}},
                      "additionalProperties": false},
          "tags": {"type": "object", "maxProperties": 3, "propertyNames": {"maxLength": 5},
                   "additionalProperties": {"type": "string"}}
        }})",
       {{"id", {"1", "42", "1000000", "0", "1000001", "-5", "1.5", "\"7\"", "null"}},
        {"name", {"\"Ann\"", "\"Bob\"", "\"ann\"", "\"\"", "\"Abcdefghijklm\"", "5", "\"A1\""}},
        {"roles",
         {"[\"admin\"]", "[\"user\",\"guest\"]", "[]", "[\"root\"]", "[\"user\",\"user\"]",
          "[\"admin\",\"user\",\"guest\",\"admin\"]", "\"admin\"", "[1]"}},
        {"score", {"0", "99.5", "100", "12.25", "-0.5", "\"1\"", "1e2", "3"}},
        {"birthday", {"\"2024-01-31\"", "\"2024/01/31\"", "\"31-01-2024\"", "\"\"", "20240131"}},
        {"address",
         {"{\"city\":\"Oslo\"}", "{\"city\":\"Oslo\",\"zip\":\"01234\"}",
          "{\"city\":\"Oslo\",\"zip\":null}", "{\"city\":\"Oslo\",\"zip\":\"1234\"}", "{}",
          "{\"city\":\"Oslo\",\"street\":\"x\"}", "[]", "{\"city\":3}"}},
        {"tags",
         {"{}", "{\"a\":\"b\"}", "{\"long_key\":\"x\"}", "{\"a\":1}",
          "{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\"}", "null"}},
        {"extra", {"", "1", "\"x\""}}}},
      {R"({
        "definitions": {
          "node": {"type": "object", "required": ["value"],
                   "properties": {"value": {"type": "integer"},
                                  "children": {"type": "array", "items": {"$ref": "#/definitions/node"}, "maxItems": 2}}},
          "contact": {"oneOf": [
            {"type": "string", "pattern": "^\\+?[0-9 ]{6,}$"},
            {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "phone"}, "number": {"type": "string"}}}
          ]}
        },
        "type": "object",
        "properties": {
          "tree": {"$ref": "#/definitions/node"},
          "contact": {"$ref": "#/definitions/contact"},
          "flag": {"type": "boolean"},
          "limits": {"type": "array", "items": [{"type": "integer"}, {"type": "string"}], "additionalItems": false},
          "either": {"anyOf": [{"type": "integer", "minimum": 10}, {"type": "string", "maxLength": 2}]},
          "neither": {"not": {"type": "string"}},
          "cond": {"if": {"type": "integer"}, "then": {"minimum": 0}, "else": {"type": "string"}},
          "deps": {"type": "object", "dependencies": {"a": ["b"], "c": {"required": ["d"]}}},
          "when": {"type": "string", "format": "date-time"}
        },
        "patternProperties": {"^x-": {"type": "string"}}
      })",
       {{"tree",
         {"{\"value\":1}", "{\"value\":1,\"children\":[{\"value\":2}]}",
          "{\"value\":1,\"children\":[{\"value\":\"2\"}]}", "{\"children\":[]}",
          "{\"value\":1,\"children\":[{\"value\":2},{\"value\":3},{\"value\":4}]}",
          "{\"value\":1,\"children\":[{\"value\":2,\"children\":[{}]}]}"}},
        {"contact",
         {"\"+47 123 456\"", "\"12\"", "{\"kind\":\"phone\"}", "{\"kind\":\"fax\"}", "{}", "7"}},
        {"flag", {"true", "false", "0", "\"true\""}},
        {"limits", {"[]", "[1]", "[1,\"a\"]", "[1,\"a\",2]", "[\"a\"]", "[2,\"b\",null]"}},
        {"either", {"10", "9", "\"ab\"", "\"abc\"", "null", "11"}},
        {"neither", {"1", "\"s\"", "null", "[]"}},
        {"cond", {"0", "-1", "\"x\"", "true", "2.5"}},
        {"deps",
         {"{}", "{\"a\":1}", "{\"a\":1,\"b\":2}", "{\"c\":1}", "{\"c\":1,\"d\":1}", "{\"b\":1}"}},
        {"when",
         {"\"2024-01-31T09:30:00Z\"", "\"2024-01-31T09:30:00+01:00\"", "\"2024-01-31\"",
          "\"yesterday\"", "\"2024-01-31 09:30:00\""}},
        {"x-trace", {"\"abc\"", "1"}},
        {"other", {"{}", "[1,2]"}}}},
  };
  return schemas;
}

std::string random_instance(const RichSchema& rich, std::mt19937& random) {
  std::string text = "{";
  bool first = true;
  for (const auto& [name, values] : rich.candidates) {
    if (random() % 12 == 0) continue;  // leave the property out
    // Mostly the first (valid) candidate, so that a good share of instances is valid.
    const std::string& value = random() % 100 < 85 ? values[0] : values[random() % values.size()];
    if (value.empty()) continue;
    if (!first) text += ",";
    first = false;
    text += "\"" + name + "\":" + value;
  }
  return text + "}";
}

TEST(Differential, SeededRandomInstancesOfRichSchemasAgree) {
  std::mt19937 random(20240131);
  int valid = 0, invalid = 0;
  for (const auto& rich : rich_schemas()) {
    auto document = json(rich.schema);
    auto schema = compile(rich.schema);
    ReferenceValidator reference(document, {});
    for (int i = 0; i < 1000; ++i) {
      std::string text = random_instance(rich, random);
      auto instance = json(text);
      bool verdict = schema->validate(instance, nullptr);
      Findings findings;
      ASSERT_EQ(schema->validate(instance, &findings), verdict) << text;
      ASSERT_EQ(findings.empty(), verdict) << text;
      ASSERT_EQ(reference.validate(instance), std::optional<bool>(verdict)) << text;
      (verdict ? valid : invalid)++;
    }
  }
  std::printf("random instances: %d valid, %d invalid, all agree\n", valid, invalid);
  EXPECT_GT(valid, 300);
  EXPECT_GT(invalid, 300);
}

bool read_json_file(const std::filesystem::path& file, rapidjson::Document& document) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  document.Parse(bytes.str().c_str());
  return !document.HasParseError();
}

// Every vendor schema: its JSON examples get the verdict their name promises
// (MESSAGE.valid.REASON.json / MESSAGE.invalid.REASON.json) from conform, and valijson
// agrees except where only a format valijson does not check is at fault.
TEST(Differential, VendorSchemasAndTheirExamplesAgree) {
  std::filesystem::path root = CONFORM_SCHEMAS_DIR;
  if (!std::filesystem::exists(root)) GTEST_SKIP() << "no schemas/ folder yet";
  int schemas = 0, examples = 0, format_only = 0;
  for (const auto& vendor : std::filesystem::directory_iterator(root)) {
    if (!vendor.is_directory()) continue;
    for (const auto& entry : std::filesystem::directory_iterator(vendor.path())) {
      std::string file = entry.path().filename().string();
      const std::string suffix = ".schema.json";
      if (file.size() <= suffix.size() || file.substr(file.size() - suffix.size()) != suffix)
        continue;
      SCOPED_TRACE(entry.path().string());
      SchemaRegistry registry;
      auto schema = registry.load_file(entry.path());
      rapidjson::Document schema_json;
      ASSERT_TRUE(read_json_file(entry.path(), schema_json));
      ReferenceValidator::Options options;
      options.base_dir = vendor.path();
      ReferenceValidator reference(schema_json, options);
      ++schemas;
      std::string message = file.substr(0, file.size() - suffix.size());
      std::filesystem::path examples_dir = vendor.path() / "examples";
      if (!std::filesystem::exists(examples_dir)) continue;
      for (const auto& example : std::filesystem::directory_iterator(examples_dir)) {
        std::string name = example.path().filename().string();
        bool promised_valid = name.rfind(message + ".valid.", 0) == 0;
        bool promised_invalid = name.rfind(message + ".invalid.", 0) == 0;
        if ((!promised_valid && !promised_invalid) || example.path().extension() != ".json")
          continue;
        rapidjson::Document instance;
        if (!read_json_file(example.path(), instance)) continue;  // the codec's business
        Findings findings;
        bool verdict = schema->validate(instance, &findings);
        EXPECT_EQ(verdict, promised_valid) << name;
        auto expected = reference.validate(instance);
        if (expected != std::optional<bool>(verdict)) {
          EXPECT_TRUE(!verdict && only_format_findings(findings))
              << name << ": valijson says "
              << (expected ? (*expected ? "valid" : "invalid") : "nothing");
          ++format_only;
        }
        ++examples;
      }
    }
  }
  std::printf(
      "vendor schemas: %d schemas, %d JSON examples, %d differ only by formats valijson "
      "does not check\n",
      schemas, examples, format_only);
  EXPECT_GT(schemas, 0);
}

}  // namespace
}  // namespace conform::schema::testing
