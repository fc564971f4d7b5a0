#include "report/sarif.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "codec/rapidjson.hpp"

namespace conform::report {
namespace {

Finding located(std::string pointer, std::string keyword, std::string message, int line, int column,
                int length = 0) {
  Finding f;
  f.pointer = std::move(pointer);
  f.keyword = std::move(keyword);
  f.message = std::move(message);
  f.line = line;
  f.column = column;
  f.length = length;
  return f;
}

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  EXPECT_FALSE(doc.HasParseError()) << text;
  return doc;
}

std::string str(const rapidjson::Value& v) {
  return std::string(v.GetString(), v.GetStringLength());
}

const std::filesystem::path kBase = "/work/repo";

TEST(Sarif, WritesALogWithOneRunTheToolAndOneRulePerKeyword) {
  const auto doc = parse(render_sarif(
      {"conform", "1.2.3"},
      {{"/work/repo/payloads/a.json",
        {located("/enabled", "type", "expected a boolean", 2, 14),
         located("", "required", "\"id\" is missing", 1, 1)},
        1},
       {"/work/repo/payloads/b.json", {located("/email", "type", "expected a string", 3, 5)}, 1}},
      kBase));
  EXPECT_EQ(str(doc["version"]), "2.1.0");
  EXPECT_EQ(str(doc["$schema"]), "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(doc["runs"].Size(), 1u);
  const auto& run = doc["runs"][0];
  EXPECT_EQ(str(run["tool"]["driver"]["name"]), "conform");
  EXPECT_EQ(str(run["tool"]["driver"]["version"]), "1.2.3");
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.Size(), 2u);
  EXPECT_EQ(str(rules[0]["id"]), "type");
  EXPECT_EQ(str(rules[1]["id"]), "required");
  const auto& results = run["results"];
  ASSERT_EQ(results.Size(), 3u);
  EXPECT_EQ(str(results[2]["ruleId"]), "type");
  EXPECT_EQ(results[2]["ruleIndex"].GetInt(), 0);
  EXPECT_EQ(results[1]["ruleIndex"].GetInt(), 1);
  EXPECT_EQ(str(run["columnKind"]), "unicodeCodePoints");
  EXPECT_EQ(str(run["originalUriBaseIds"]["%SRCROOT%"]["uri"]), "file:///work/repo/");
}

TEST(Sarif, ResultsPointAtTheFileLineColumnAndJsonPointer) {
  Finding f = located("/tags/plan", "maxLength", "too long", 4, 11, 6);
  f.severity = Severity::warning;
  f.expected = "at most 5 characters";
  f.actual = "\"golden\"";
  f.schema_path = "/properties/tags/additionalProperties/maxLength";
  const auto doc = parse(render_sarif({}, {{"/work/repo/p/x y.json", {f}, 1}}, kBase));
  const auto& result = doc["runs"][0]["results"][0];
  EXPECT_EQ(str(result["level"]), "warning");
  EXPECT_EQ(str(result["message"]["text"]),
            "too long; expected: at most 5 characters; actual: \"golden\"");
  const auto& physical = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(str(physical["artifactLocation"]["uri"]), "p/x%20y.json");
  EXPECT_EQ(str(physical["artifactLocation"]["uriBaseId"]), "%SRCROOT%");
  EXPECT_EQ(physical["region"]["startLine"].GetInt(), 4);
  EXPECT_EQ(physical["region"]["startColumn"].GetInt(), 11);
  EXPECT_EQ(physical["region"]["endColumn"].GetInt(), 17);
  EXPECT_EQ(str(result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]), "/tags/plan");
  EXPECT_EQ(str(result["properties"]["schemaPath"]),
            "/properties/tags/additionalProperties/maxLength");
}

TEST(Sarif, AnNdjsonPayloadsFindingsLandOnItsLineOfTheFile) {
  const auto doc =
      parse(render_sarif({},
                         {{"/work/repo/all.ndjson", {located("/a", "type", "m", 1, 7)}, 42},
                          {"/work/repo/all.ndjson", {located("/b", "type", "m", 0, 0)}, 43}},
                         kBase));
  const auto& results = doc["runs"][0]["results"];
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"].GetInt(), 42);
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["region"]["startColumn"].GetInt(), 7);
  const auto& unplaced = results[1]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(unplaced["startLine"].GetInt(), 43);
  EXPECT_FALSE(unplaced.HasMember("startColumn"));
}

TEST(Sarif, FilesOutsideTheBaseGetAbsoluteUrisAndStandardInputNone) {
  EXPECT_EQ(sarif_artifact("/tmp/p.json", kBase).uri, "file:///tmp/p.json");
  EXPECT_FALSE(sarif_artifact("/tmp/p.json", kBase).relative);
  EXPECT_EQ(sarif_artifact("/work/repo/../other/p.json", kBase).uri, "file:///work/other/p.json");
  EXPECT_EQ(sarif_artifact("/work/repo/a/./b/%.json", kBase).uri, "a/b/%25.json");
  const auto doc = parse(render_sarif({}, {{"-", {located("/a", "type", "m", 1, 1)}, 1}}, kBase));
  const auto& location = doc["runs"][0]["results"][0]["locations"][0];
  EXPECT_FALSE(location.HasMember("physicalLocation"));
  EXPECT_EQ(str(location["logicalLocations"][0]["fullyQualifiedName"]), "/a");
}

TEST(Sarif, AnEmptyLogIsStillAValidDocument) {
  const auto doc = parse(render_sarif({"conform", "0.1.0"}, {}, kBase));
  EXPECT_EQ(doc["runs"][0]["results"].Size(), 0u);
  EXPECT_EQ(doc["runs"][0]["tool"]["driver"]["rules"].Size(), 0u);
}

TEST(Sarif, HostileTextIsEscapedAndSecretsAreMasked) {
  Finding f = located("/Password", "minLength", "\"hunter2\" is shorter than 8 characters", 1, 14);
  f.actual = "\"hunter2\"";
  Finding hostile = located("/a\"b", "", std::string("quote \" nul ") + '\0' + " \xC0 end", 1, 1);
  const std::string log = render_sarif({}, {{"/work/repo/p.json", {f, hostile}, 1}}, kBase);
  EXPECT_EQ(log.find("hunter2"), std::string::npos) << log;
  const auto doc = parse(log);
  const auto& results = doc["runs"][0]["results"];
  EXPECT_EQ(str(results[0]["properties"]["actual"]), "***");
  EXPECT_EQ(str(results[1]["ruleId"]), "conform");  // a finding without a keyword
  EXPECT_EQ(str(results[1]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]), "/a\"b");
}

TEST(Sarif, TheWriterStreamsResultsAsTheyAreAdded) {
  std::ostringstream out;
  SarifWriter writer(out, {"conform", "0.1.0"}, kBase);
  writer.add("/work/repo/p.json", located("/a", "type", "first", 1, 1));
  EXPECT_NE(out.str().find("\"first\""), std::string::npos);
  writer.finish();
  EXPECT_THROW(writer.add("/work/repo/p.json", located("/a", "type", "late", 1, 1)),
               std::logic_error);
  parse(out.str());
}

}  // namespace
}  // namespace conform::report
