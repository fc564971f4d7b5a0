// What a user reads: each violation is one Finding with pointer, schema path, keyword,
// message, expected and actual.
#include <gtest/gtest.h>

#include "schema/schema.hpp"
#include "unit/schema/schema_test_support.hpp"

namespace conform::schema::testing {
namespace {

const char* kUserSchema = R"({
  "type": "object",
  "additionalProperties": false,
  "required": ["ID", "email"],
  "properties": {
    "ID": {"type": "integer"},
    "email": {"type": "string", "format": "email"},
    "first_name": {"type": ["string", "null"], "maxLength": 50},
    "enabled": {"type": "boolean"},
    "LicenseManagmentMode": {"enum": ["Manual", "Auto"]},
    "tags": {"type": "object", "maxProperties": 2, "additionalProperties": {"type": "string"}},
    "roles": {"type": "array", "items": {"type": "integer", "minimum": 1}, "uniqueItems": true}
  }
})";

TEST(Findings, TypeMismatchSaysExpectedAndFound) {
  auto findings =
      findings_of(*compile(kUserSchema), R"({"ID": 1, "email": "a@b.co", "enabled": "yes"})");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].pointer, "/enabled");
  EXPECT_EQ(findings[0].schema_path, "/properties/enabled/type");
  EXPECT_EQ(findings[0].keyword, "type");
  EXPECT_EQ(findings[0].message, "expected type boolean but found string");
  EXPECT_EQ(findings[0].expected, "boolean");
  EXPECT_EQ(findings[0].actual, "\"yes\"");
  EXPECT_EQ(findings[0].severity, Severity::error);
}

TEST(Findings, MissingRequiredPointsAtTheObject) {
  auto findings = findings_of(*compile(kUserSchema), R"({"email": "a@b.co"})");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].pointer, "");
  EXPECT_EQ(findings[0].keyword, "required");
  EXPECT_EQ(findings[0].schema_path, "/required");
  EXPECT_EQ(findings[0].message, "missing required property \"ID\"");
  EXPECT_EQ(findings[0].expected, "ID");
}

TEST(Findings, FormatNamesTheValueAndTheFormat) {
  auto findings = findings_of(*compile(kUserSchema), R"({"ID": 1, "email": "x@"})");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].pointer, "/email");
  EXPECT_EQ(findings[0].keyword, "format");
  EXPECT_EQ(findings[0].message, "\"x@\" is not a valid email address");
}

TEST(Findings, MaxLengthCountsCharacters) {
  std::string name(51, 'a');
  name.replace(0, 1, "\xC3\xA9");  // one two-byte character: still 51 characters
  auto findings = findings_of(*compile(kUserSchema),
                              R"({"ID": 1, "email": "a@b.co", "first_name": ")" + name + "\"}");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "string is 51 characters long; at most 50 allowed");
  EXPECT_EQ(findings[0].expected, "at most 50 characters");
}

TEST(Findings, UndocumentedPropertySuggestsTheDocumentedName) {
  auto schema = compile(kUserSchema);
  auto findings =
      findings_of(*schema, R"({"ID": 1, "email": "a@b.co", "LicenseManagementMode": "Auto"})");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].pointer, "/LicenseManagementMode");
  EXPECT_EQ(findings[0].keyword, "additionalProperties");
  EXPECT_EQ(findings[0].message,
            "undocumented property \"LicenseManagementMode\"; did you mean "
            "\"LicenseManagmentMode\"?");
  findings = findings_of(*schema, R"({"ID": 1, "email": "a@b.co", "Id": 2})");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "undocumented property \"Id\"; did you mean \"ID\"?");
  findings = findings_of(*schema, R"({"ID": 1, "email": "a@b.co", "colour": 2})");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "undocumented property \"colour\"");
}

TEST(Findings, CollectsEveryViolation) {
  auto findings =
      findings_of(*compile(kUserSchema),
                  R"({"email": 5, "roles": [1, 0, 1], "tags": {"a": "x", "b": 1, "c": "z"}})");
  std::vector<std::string> seen;
  for (const auto& finding : findings) seen.push_back(finding.pointer + " " + finding.keyword);
  EXPECT_EQ(seen,
            (std::vector<std::string>{"/email type", "/roles/1 minimum", "/roles/2 uniqueItems",
                                      "/tags maxProperties", "/tags/b type", " required"}));
}

TEST(Findings, ActualIsCompactAndTruncated) {
  auto schema = compile(R"({"type": "string"})");
  std::string big = "[";
  for (int i = 0; i < 100; ++i) big += (i ? ", " : "") + std::to_string(i);
  big += "]";
  auto findings = findings_of(*schema, big);
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_TRUE(findings[0].actual.has_value());
  EXPECT_EQ(findings[0].actual->rfind("[0,1,2,3,", 0), 0u);
  EXPECT_EQ(findings[0].actual->substr(findings[0].actual->size() - 3), "\u2026");
  EXPECT_LE(findings[0].actual->size(), 80u + 3u);
}

TEST(Findings, StrictReportsUndeclaredMembersOfLenientSchemas) {
  auto schema = compile(R"({"properties": {"id": {"type": "string"}, "name": {}},
                            "patternProperties": {"^x-": {}}})");
  auto instance = R"({"id": "1", "nmae": "a", "x-trace": 1})";
  EXPECT_TRUE(findings_of(*schema, instance).empty());
  ValidateOptions strict;
  strict.strict = true;
  auto findings = findings_of(*schema, instance, strict);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].keyword, "additionalProperties");
  EXPECT_EQ(findings[0].pointer, "/nmae");
  EXPECT_EQ(findings[0].message, "undocumented property \"nmae\"; did you mean \"name\"?");
  EXPECT_FALSE(schema->validate(json(instance), nullptr, strict));
}

TEST(Findings, OneOfShowsTheBranchWhoseTypeMatches) {
  auto schema = compile(R"({"oneOf": [{"type": "string", "maxLength": 3},
                                       {"type": "object", "required": ["id"]}]})");
  auto findings = findings_of(*schema, R"({"name": "x"})");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].keyword, "oneOf");
  EXPECT_EQ(findings[0].message, "value matches none of the 2 alternatives (oneOf)");
  EXPECT_EQ(findings[1].keyword, "required");
  EXPECT_EQ(findings[1].schema_path, "/oneOf/1/required");
  findings = findings_of(*schema, R"(true)");
  ASSERT_EQ(findings.size(), 1u);  // no branch fits better than another
}

TEST(Findings, OneOfWithTwoMatchesNamesThem) {
  auto schema = compile(R"({"oneOf": [{"type": "integer"}, {"minimum": 2}]})");
  auto findings = findings_of(*schema, "3");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "value matches alternatives 0 and 1 of oneOf; exactly one must match");
}

TEST(Findings, AnyOfShowsTheClosestBranch) {
  auto schema =
      compile(R"({"anyOf": [{"type": "integer"}, {"type": "string", "format": "date"}]})");
  auto findings = findings_of(*schema, R"("2024-02-30")");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].keyword, "anyOf");
  EXPECT_EQ(findings[1].keyword, "format");
}

TEST(Findings, FirstErrorOnlyStopsAtOne) {
  ValidateOptions first;
  first.first_error_only = true;
  auto findings = findings_of(*compile(kUserSchema), R"({"email": 5, "enabled": 1})", first);
  EXPECT_EQ(findings.size(), 1u);
}

TEST(Findings, RefsIntoOtherDocumentsGiveAbsoluteSchemaPaths) {
  TempDir dir;
  dir.write("common.json", R"({"definitions": {"id": {"type": "integer"}}})");
  auto main =
      dir.write("main.json", R"({"properties": {"id": {"$ref": "common.json#/definitions/id"}}})");
  SchemaRegistry registry;
  auto schema = registry.load_file(main);
  auto findings = findings_of(*schema, R"({"id": "x"})");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].pointer, "/id");
  std::string expected_path = "file://" + std::filesystem::canonical(dir.path()).string() +
                              "/common.json#/definitions/id/type";
  EXPECT_EQ(findings[0].schema_path, expected_path);
  EXPECT_EQ(registry.load_file(main), schema);  // cached
}

TEST(Findings, PointersEscapeSlashAndTilde) {
  auto schema = compile(R"({"additionalProperties": {"type": "integer"}})");
  auto findings = findings_of(*schema, R"({"a/b~c": "x"})");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].pointer, "/a~1b~0c");
}

}  // namespace
}  // namespace conform::schema::testing
