#include "replay/case_loader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "support/temp_dir.hpp"

namespace conform::replay {
namespace {
namespace fs = std::filesystem;

class CaseLoaderTest : public ::testing::Test {
 protected:
  CaseLoaderTest() : loader_(registry_, CONFORM_CASES_DIR) {
    fs::create_directories(dir_ / "bodies");
  }

  fs::path write(const std::string& name, const std::string& text) {
    const fs::path file = dir_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

  test::TempDir tmp_;
  const fs::path dir_ = tmp_.path();
  schema::SchemaRegistry registry_;
  CaseLoader loader_;
};

TEST_F(CaseLoaderTest, ReadsACompleteCase) {
  write("bodies/user.xml", "<User/>");
  const auto file = write("full.json", R"({
  "name": "full", "vendor": "acme", "tags": ["a", "b"], "isolated": true,
  "vars": {"greeting": "hi"},
  "steps": [
    {"name": "change", "method": "PATCH", "path": "/v2/members/${member}",
     "query": {"notify": "no"}, "headers": {"X-Trace": "1"}, "auth": {"token": "t"},
     "body": {"display_name": "${greeting}"},
     "expect": {"status": [200, 201], "schema": "response:200", "strict": true,
                "assert": [{"pointer": "/active", "equals": true, "message": "why"},
                           {"header": "Content-Type", "matches": "json"}]},
     "capture": {"when": {"pointer": "/updated_at"}, "etag": {"header": "ETag"}}},
    {"method": "GET", "path": "/v2/members/x", "auth": "none", "format": "xml",
     "body_file": "bodies/user.xml", "expect": {"schema": false}}
  ]
})");
  const Loaded<Case> loaded = loader_.load_case(file);
  ASSERT_TRUE(loaded.findings.empty()) << loaded.findings[0].message;
  ASSERT_TRUE(loaded.value);
  const Case& c = *loaded.value;
  EXPECT_EQ(c.name, "full");
  EXPECT_EQ(c.tags, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(c.isolated);
  ASSERT_EQ(c.steps.size(), 2u);
  const Step& first = c.steps[0];
  EXPECT_EQ(first.location, "/steps/0");
  EXPECT_EQ(first.auth.mode, Auth::Mode::custom);
  EXPECT_EQ(first.auth.credentials.at("token"), "t");
  EXPECT_EQ(first.expect.statuses, (std::vector<int>{200, 201}));
  EXPECT_EQ(first.expect.schema, "response:200");
  EXPECT_TRUE(first.expect.strict);
  ASSERT_EQ(first.expect.assertions.size(), 2u);
  EXPECT_EQ(first.expect.assertions[0].location, "/steps/0/expect/assert/0");
  EXPECT_EQ(first.expect.assertions[1].source.header, "Content-Type");
  ASSERT_EQ(first.captures.size(), 2u);
  EXPECT_EQ(first.captures[1].second.header, "ETag");
  const Step& second = c.steps[1];
  EXPECT_EQ(second.name, "GET /v2/members/x");
  EXPECT_EQ(second.auth.mode, Auth::Mode::none);
  EXPECT_EQ(second.expect.schema, "-");
  EXPECT_EQ(second.body_file, dir_ / "bodies/user.xml");
}

TEST_F(CaseLoaderTest, ASchemaViolationPointsAtItsLineAndColumn) {
  const auto file = write("typo.json",
                          "{\n  \"name\": \"typo\",\n  \"vendor\": \"acme\",\n  \"steps\": [\n"
                          "    {\"method\": \"PATCH\", \"pth\": \"/x\"}\n  ]\n}\n");
  const Loaded<Case> loaded = loader_.load_case(file);
  EXPECT_FALSE(loaded.value);
  ASSERT_FALSE(loaded.findings.empty());
  bool located = false;
  for (const Finding& finding : loaded.findings) {
    if (finding.line == 5 && finding.column > 1) located = true;
  }
  EXPECT_TRUE(located) << loaded.findings[0].message << " at " << loaded.findings[0].line << ":"
                       << loaded.findings[0].column;
  EXPECT_FALSE(loaded.source.empty());
}

// Case files are placed as payloads are (contracts::place): a member the schema does not
// allow is shown at its name, where the typo is.
TEST_F(CaseLoaderTest, AnUnknownMemberIsShownAtItsName) {
  const std::string line = "    {\"method\": \"PATCH\", \"pth\": \"/x\"}";
  const auto file = write("typo.json",
                          "{\n  \"name\": \"typo\",\n  \"vendor\": \"acme\",\n"
                          "  \"steps\": [\n" +
                              line + "\n  ]\n}\n");
  const Loaded<Case> loaded = loader_.load_case(file);
  bool at_name = false;
  for (const Finding& finding : loaded.findings) {
    if (finding.keyword != "additionalProperties") continue;
    at_name = finding.line == 5 && finding.column == static_cast<int>(line.find("\"pth\"")) + 1;
  }
  EXPECT_TRUE(at_name);
}

TEST_F(CaseLoaderTest, BrokenJsonIsASyntaxFindingWithItsPosition) {
  const auto file = write("broken.json", "{\n  \"name\": \"x\",\n  \"vendor\": acme\n}\n");
  const Loaded<Case> loaded = loader_.load_case(file);
  EXPECT_FALSE(loaded.value);
  ASSERT_FALSE(loaded.findings.empty());
  EXPECT_EQ(loaded.findings[0].keyword, "syntax");
  EXPECT_EQ(loaded.findings[0].line, 3);
}

TEST_F(CaseLoaderTest, AnXmlBodyMustBeAString) {
  const auto file = write("xml.json", R"({"name": "x", "vendor": "acme", "steps": [
    {"method": "PUT", "path": "/x", "format": "xml", "body": {"a": 1}}]})");
  const Loaded<Case> loaded = loader_.load_case(file);
  EXPECT_FALSE(loaded.value);
  ASSERT_EQ(loaded.findings.size(), 1u);
  EXPECT_EQ(loaded.findings[0].pointer, "/steps/0/body");
  EXPECT_EQ(loaded.findings[0].line, 2);
}

TEST_F(CaseLoaderTest, ABadRegexAndAMissingBodyFileAreFindings) {
  const auto file = write("bad.json", R"({"name": "x", "vendor": "acme", "steps": [
    {"method": "PUT", "path": "/x", "body_file": "bodies/none.json",
     "expect": {"assert": [{"pointer": "/a", "matches": "(unclosed"}]}}]})");
  const Loaded<Case> loaded = loader_.load_case(file);
  EXPECT_FALSE(loaded.value);
  ASSERT_EQ(loaded.findings.size(), 2u);
  EXPECT_EQ(loaded.findings[0].keyword, "io");
  EXPECT_EQ(loaded.findings[1].keyword, "regex");
}

// Patterns run in linear time (RE2, as the schema engine's): lookaround and backreferences,
// which need backtracking, are refused when the case loads, saying why.
TEST_F(CaseLoaderTest, APatternThatNeedsBacktrackingIsRefusedAtLoad) {
  const auto file = write("look.json", R"case({"name": "x", "vendor": "acme", "steps": [
    {"method": "PUT", "path": "/x",
     "expect": {"assert": [{"pointer": "/a", "matches": "a(?=b)"}]}}]})case");
  const Loaded<Case> loaded = loader_.load_case(file);
  EXPECT_FALSE(loaded.value);
  ASSERT_EQ(loaded.findings.size(), 1u);
  EXPECT_EQ(loaded.findings[0].keyword, "regex");
  EXPECT_NE(loaded.findings[0].message.find("lookaround"), std::string::npos)
      << loaded.findings[0].message;
}

TEST_F(CaseLoaderTest, ABodyFileOutsideTheCasesFolderIsRefused) {
  fs::create_directories(dir_ / "cases" / "bodies");
  write("secret.txt", "not the case's");
  fs::create_symlink("/etc/passwd", dir_ / "cases" / "bodies" / "link.json");
  for (const std::string named : {"../secret.txt", "/etc/passwd", "bodies/../../secret.txt",
                                  "bodies/link.json", "/proc/self/environ"}) {
    const auto file = write("cases/c.json", R"({"name": "x", "vendor": "acme", "steps": [
      {"method": "PUT", "path": "/x", "body_file": ")" +
                                                named + R"("}]})");
    const Loaded<Case> loaded = loader_.load_case(file);
    EXPECT_FALSE(loaded.value) << named;
    ASSERT_EQ(loaded.findings.size(), 1u) << named;
    EXPECT_EQ(loaded.findings[0].keyword, "path") << named;
    EXPECT_EQ(loaded.findings[0].line, 2) << named;
    EXPECT_NE(loaded.findings[0].message.find("outside the case's folder"), std::string::npos);
  }
}

TEST_F(CaseLoaderTest, AHeaderWithALineBreakOrNulIsRefused) {
  for (const std::string value : {R"(a\r\nX-Evil: 1)", R"(a\nb)", R"(a\u0000b)"}) {
    const auto file = write("h.json", R"({"name": "x", "vendor": "acme", "steps": [
      {"method": "PUT", "path": "/x", "headers": {"X-Note": ")" +
                                          value + R"("}}]})");
    const Loaded<Case> loaded = loader_.load_case(file);
    EXPECT_FALSE(loaded.value) << value;
    ASSERT_EQ(loaded.findings.size(), 1u) << value;
    EXPECT_EQ(loaded.findings[0].keyword, "header");
  }
}

TEST_F(CaseLoaderTest, AHeaderWrittenAsNullIsOmittedNotSentEmpty) {
  const auto file = write("omit.json", R"({"name": "x", "vendor": "acme", "steps": [
    {"method": "PUT", "path": "/x", "headers": {"X-Note": "1", "Acme-Api-Version": null}}]})");
  const Loaded<Case> loaded = loader_.load_case(file);
  ASSERT_TRUE(loaded.value) << loaded.findings[0].message;
  const Step& step = loaded.value->steps[0];
  EXPECT_EQ(step.headers, (std::vector<std::pair<std::string, std::string>>{{"X-Note", "1"}}));
  EXPECT_EQ(step.omitted_headers, std::vector<std::string>{"Acme-Api-Version"});
}

TEST_F(CaseLoaderTest, BodyAndBodyFileTogetherAreRefused) {
  write("bodies/b.json", "{}");
  const auto file = write("both.json", R"({"name": "x", "vendor": "acme", "steps": [
    {"method": "PUT", "path": "/x", "body": {}, "body_file": "bodies/b.json"}]})");
  EXPECT_FALSE(loader_.load_case(file).value);
}

TEST_F(CaseLoaderTest, ReadsDefaults) {
  const auto file = write("defaults.json", R"({"headers": {"X-Api": "2"}, "rules": [
    {"status": "4xx", "description": "d", "assert": [{"pointer": "/ok", "equals": false}]}]})");
  const Loaded<VendorDefaults> loaded = loader_.load_defaults(file);
  ASSERT_TRUE(loaded.value) << loaded.findings[0].message;
  ASSERT_EQ(loaded.value->rules.size(), 1u);
  EXPECT_TRUE(loaded.value->rules[0].applies_to(404));
  EXPECT_FALSE(loaded.value->rules[0].applies_to(200));
  EXPECT_EQ(loaded.value->rules[0].assertions[0].location, "/rules/0/assert/0");
}

// JSON Schema counts 2E2 and 201.0 as integers, so the case schema lets them through; the
// loader must read them as statuses, not trip over RapidJSON's double (found by fuzzing).
TEST_F(CaseLoaderTest, StatusWrittenAsAnIntegralDoubleIsAStatus) {
  const auto file = write("double.json", R"({"name": "d", "vendor": "acme", "steps": [
    {"method": "PUT", "path": "/a", "expect": {"status": 2E2}},
    {"method": "PUT", "path": "/b", "expect": {"status": [201.0, 404]}}]})");
  const Loaded<Case> loaded = loader_.load_case(file);
  ASSERT_TRUE(loaded.findings.empty()) << loaded.findings[0].message;
  ASSERT_TRUE(loaded.value);
  EXPECT_EQ(loaded.value->steps[0].expect.statuses, (std::vector<int>{200}));
  EXPECT_EQ(loaded.value->steps[1].expect.statuses, (std::vector<int>{201, 404}));
}

TEST(StatusRule, MatchesACodeOrAClass) {
  StatusRule exact{"401", "", {}};
  EXPECT_TRUE(exact.applies_to(401));
  EXPECT_FALSE(exact.applies_to(403));
  StatusRule family{"2xx", "", {}};
  EXPECT_TRUE(family.applies_to(204));
  EXPECT_FALSE(family.applies_to(301));
}

TEST(DiscoverCaseFiles, SkipsDefaultsSchemasAndBodies) {
  const test::TempDir tmp;
  const fs::path dir = tmp.path();
  fs::create_directories(dir / "v" / "bodies");
  for (const char* name : {"v/a.json", "v/b.json", "v/defaults.json", "v/bodies/c.json",
                           "case.schema.json", "v/notes.txt"}) {
    std::ofstream(dir / name) << "{}";
  }
  Findings problems;
  const auto files = discover_case_files({dir, dir / "v" / "a.json", dir / "missing"}, problems);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].filename(), "a.json");
  EXPECT_EQ(files[1].filename(), "b.json");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("missing"), std::string::npos);
}

TEST(ShippedCases, EveryCaseFileAndDefaultsFileLoads) {
  schema::SchemaRegistry registry;
  const CaseLoader loader(registry, CONFORM_CASES_DIR);
  Findings problems;
  const auto files = discover_case_files({CONFORM_CASES_DIR}, problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_GE(files.size(), 60u);
  std::map<std::string, int> per_vendor;
  for (const auto& file : files) {
    const Loaded<Case> loaded = loader.load_case(file);
    ASSERT_TRUE(loaded.value) << file << ":" << loaded.findings[0].line << ": "
                              << loaded.findings[0].message;
    ++per_vendor[loaded.value->vendor];
    const fs::path defaults = file.parent_path() / "defaults.json";
    if (fs::exists(defaults)) {
      const auto loaded_defaults = loader.load_defaults(defaults);
      EXPECT_TRUE(loaded_defaults.value) << defaults;
    }
  }
  for (const char* vendor : {"msp360", "formsonfire", "maiascore", "finix", "nexudus"}) {
    EXPECT_GE(per_vendor[vendor], 12) << vendor;
  }
}

}  // namespace
}  // namespace conform::replay
