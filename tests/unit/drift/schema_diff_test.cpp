// Table-driven: every file in tests/data/diff/ is one before/after pair and the changes
// `conform diff` must report for it (rule, level, pointer), no more and no fewer.
#include "drift/schema_diff.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "drift/tree_diff.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace conform::drift {
namespace {
namespace fs = std::filesystem;

using Expected = std::tuple<std::string, std::string, std::string>;  // rule, level, pointer

using conform::test::read_file;

std::string text(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

std::vector<fs::path> case_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(CONFORM_TESTS_DIR "/data/diff")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Outcome {
  std::multiset<Expected> expected;
  std::multiset<Expected> actual;
  std::set<std::string> rules;
};

Outcome run_case(const fs::path& file) {
  rapidjson::Document spec;
  const std::string source = read_file(file);
  spec.Parse(source.data(), source.size());
  EXPECT_FALSE(spec.HasParseError()) << file;
  Outcome outcome;
  for (const auto& e : spec["expect"].GetArray()) {
    outcome.expected.emplace(e[0].GetString(), e[1].GetString(), e[2].GetString());
  }
  const bool request = std::string(spec["direction"].GetString()) == "request";
  DriftItem context;
  context.vendor = "acme";
  context.message = request ? "request" : "response:200";
  DriftItems items;
  if (std::string(spec["kind"].GetString()) == "xml-rules") {
    items = diff_xml_rules(spec["before"], spec["after"], request, context);
  } else {
    const test::TempDir dir;
    const std::string before = dir.write("before.schema.json", text(spec["before"]));
    const std::string after = dir.write("after.schema.json", text(spec["after"]));
    if (spec.HasMember("files")) {
      for (const auto& f : spec["files"].GetObject()) dir.write(f.name.GetString(), text(f.value));
    }
    SchemaFiles files;
    items = diff_schemas(files, files.root(before), files.root(after),
                         request ? Direction::request : Direction::response, context);
  }
  for (const DriftItem& item : items) {
    outcome.actual.emplace(item.rule(), to_string(item.level), item.finding.pointer);
    outcome.rules.insert(item.rule());
    EXPECT_EQ(item.vendor, "acme");
    EXPECT_FALSE(item.finding.message.empty()) << item.rule();
  }
  return outcome;
}

TEST(SchemaDiffTable, EveryPairGivesExactlyTheExpectedChanges) {
  const auto files = case_files();
  ASSERT_GE(files.size(), 60u);
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const Outcome outcome = run_case(file);
    EXPECT_EQ(outcome.actual, outcome.expected);
  }
}

// Each rule docs/drift.md lists for schemas and XML rules has a pair of its own (the file
// named after the rule), so a rule can never silently stop firing.
TEST(SchemaDiffTable, EveryRuleHasItsOwnPair) {
  const std::vector<std::string> rules = {"type-changed",
                                          "type-widened",
                                          "type-narrowed",
                                          "became-nullable",
                                          "became-non-nullable",
                                          "enum-narrowed",
                                          "enum-widened",
                                          "max-length-decreased",
                                          "max-length-increased",
                                          "min-length-increased",
                                          "min-length-decreased",
                                          "maximum-decreased",
                                          "maximum-increased",
                                          "minimum-increased",
                                          "minimum-decreased",
                                          "exclusive-maximum-decreased",
                                          "exclusive-maximum-increased",
                                          "exclusive-minimum-increased",
                                          "exclusive-minimum-decreased",
                                          "max-items-decreased",
                                          "max-items-increased",
                                          "min-items-increased",
                                          "min-items-decreased",
                                          "max-properties-decreased",
                                          "max-properties-increased",
                                          "min-properties-increased",
                                          "min-properties-decreased",
                                          "pattern-changed",
                                          "pattern-removed",
                                          "format-changed",
                                          "format-removed",
                                          "multiple-of-changed",
                                          "multiple-of-removed",
                                          "request-property-removed",
                                          "request-property-added",
                                          "request-property-required-added",
                                          "request-property-required-removed",
                                          "response-property-removed",
                                          "response-property-added",
                                          "response-property-required-added",
                                          "response-property-required-removed",
                                          "additional-properties-forbidden",
                                          "additional-properties-allowed",
                                          "composition-branch-added",
                                          "composition-branch-removed",
                                          "not-changed",
                                          "keyword-changed",
                                          "xml-root-changed",
                                          "xml-namespace-changed",
                                          "xml-order-changed",
                                          "xml-list-encoding-changed",
                                          "xml-element-renamed",
                                          "xml-nil-changed",
                                          "xml-strictness-changed"};
  for (const std::string& rule : rules) {
    const fs::path file = fs::path(CONFORM_TESTS_DIR "/data/diff") / (rule + ".json");
    ASSERT_TRUE(fs::exists(file)) << rule;
    EXPECT_TRUE(run_case(file).rules.count(rule)) << rule << " does not fire on its own pair";
  }
}

TEST(SchemaDiff, ARefLoopEndsWithoutChanges) {
  const test::TempDir dir;
  const std::string loop = R"({"definitions": {"a": {"$ref": "#/definitions/b"},
      "b": {"$ref": "#/definitions/a"}}, "properties": {"x": {"$ref": "#/definitions/a"}}})";
  const std::string before = dir.write("before.json", loop);
  const std::string after = dir.write("after.json", loop);
  SchemaFiles files;
  EXPECT_TRUE(
      diff_schemas(files, files.root(before), files.root(after), Direction::request, {}).empty());
}

TEST(SchemaDiff, ARecursiveSchemaIsWalkedOnce) {
  const test::TempDir dir;
  const std::string before = dir.write(
      "before.json",
      R"({"definitions": {"node": {"type": "object", "properties": {"child": {"$ref": "#/definitions/node"}, "n": {"maxLength": 5}}}}, "$ref": "#/definitions/node"})");
  const std::string after = dir.write(
      "after.json",
      R"({"definitions": {"node": {"type": "object", "properties": {"child": {"$ref": "#/definitions/node"}, "n": {"maxLength": 3}}}}, "$ref": "#/definitions/node"})");
  SchemaFiles files;
  const DriftItems items =
      diff_schemas(files, files.root(before), files.root(after), Direction::request, {});
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items.front().rule(), "max-length-decreased");
  EXPECT_LE(items.size(), 70u);  // bounded by the depth limit, not endless
}

// Drift reads schema files as the schema engine does: a link out of the folder is not
// followed, and a FIFO is not a schema file (reading one would block for ever).
TEST(SchemaFiles, RefsThroughALinkOutOfTheFolderOrToAFifoAreNotRead) {
  const test::TempDir dir;
  const fs::path tree = fs::path(dir.path()) / "tree";
  fs::create_directories(tree);
  dir.write("outside.json", R"({"type": "object", "properties": {"leaked": {}}})");
  fs::create_symlink(fs::path(dir.path()) / "outside.json", tree / "link.json");
  ASSERT_EQ(::mkfifo((tree / "pipe.json").c_str(), 0600), 0);
  dir.write("tree/inside.json", R"({"type": "object", "properties": {"kept": {}}})");
  const std::string schema = dir.write("tree/s.json", R"({"properties": {
      "l": {"$ref": "link.json"}, "p": {"$ref": "pipe.json"}, "i": {"$ref": "inside.json"}}})");
  SchemaFiles files;
  const std::set<std::string> paths = documented_paths(files, files.root(schema));
  EXPECT_TRUE(paths.count("/i/kept")) << ::testing::PrintToString(paths);
  EXPECT_FALSE(paths.count("/l/leaked")) << ::testing::PrintToString(paths);
}

}  // namespace
}  // namespace conform::drift
