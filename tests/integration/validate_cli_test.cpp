// `conform validate` end to end: exit codes, output formats, and every kind of bad input:
// a finding or a clear error, never a crash or a hang.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <sstream>
#include <string>

#include "codec/rapidjson.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kSchemas = CONFORM_SCHEMAS_DIR;

std::string example(const std::string& vendor, const std::string& name) {
  return kSchemas + "/" + vendor + "/examples/" + name;
}

TEST(ValidateCli, ValidPayloadExitsZeroWithSummary) {
  const auto r =
      run_conform({"validate", "msp360", "request", example("msp360", "request.valid.full.json")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "1 payload: 1 valid, 0 invalid\n");
}

TEST(ValidateCli, MisspelledPropertyNamesTheLineAndSuggestsTheWireName) {
  const auto r = run_conform({"validate", "msp360", "request",
                              example("msp360", "request.invalid.license-mode-misspelled.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("error[additionalProperties]"));
  EXPECT_THAT(r.out, HasSubstr("did you mean \"LicenseManagmentMode\"?"));
  EXPECT_THAT(r.out, HasSubstr("request.invalid.license-mode-misspelled.json:"));
  EXPECT_THAT(r.out, HasSubstr("^"));
  EXPECT_THAT(r.out, HasSubstr("1 payload: 0 valid, 1 invalid"));
}

TEST(ValidateCli, JsonOutputCarriesPointerLineColumnKeyword) {
  const auto r = run_conform(
      {"validate", "msp360", "request", "--output", "json", "-"},
      "{\n  \"ID\": \"9d6de082-741c-44fe-b067-1a36eb03fa40\",\n  \"Enabled\": \"yes\"\n}\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("\"file\":\"-\""));
  EXPECT_THAT(r.out, HasSubstr("\"valid\":false"));
  EXPECT_THAT(r.out, HasSubstr("\"pointer\":\"/Enabled\""));
  EXPECT_THAT(r.out, HasSubstr("\"line\":3"));
  EXPECT_THAT(r.out, HasSubstr("\"column\":14"));
  EXPECT_THAT(r.out, HasSubstr("\"keyword\":\"type\""));
  EXPECT_THAT(r.out, HasSubstr("\"expected\":"));
  EXPECT_THAT(r.out, HasSubstr("\"actual\":"));
  EXPECT_THAT(r.err, HasSubstr("1 payload: 0 valid, 1 invalid"));
}

TEST(ValidateCli, NdjsonKeepsInputOrderWithJobsAndQuietPrintsOnlyTheSummary) {
  std::string lines;
  for (int i = 0; i < 3000; ++i) {
    lines +=
        i % 7 == 0 ? "{\"enabled\": \"no\"}\n" : "{\"enabled\": true, \"tags\": {\"k\": \"v\"}}\n";
  }
  const auto r = run_conform(
      {"validate", "finix", "request", "--ndjson", "--output", "json", "--jobs", "2", "-"}, lines);
  EXPECT_EQ(r.exit_code, 1);
  std::istringstream out(r.out);
  std::string json_line;
  std::uint64_t previous = 0, count = 0;
  while (std::getline(out, json_line)) {
    rapidjson::Document d;
    d.Parse(json_line.c_str());
    ASSERT_FALSE(d.HasParseError()) << json_line;
    const std::uint64_t n = d["line"].GetUint64();
    EXPECT_GT(n, previous);
    previous = n;
    ++count;
  }
  EXPECT_EQ(count, 3000u);
  const auto q = run_conform({"validate", "finix", "request", "--ndjson", "--quiet", "-"}, lines);
  EXPECT_EQ(q.out, "3000 payloads: 2571 valid, 429 invalid\n");
}

TEST(ValidateCli, UsageErrorsExitTwoAndSayWhatToDo) {
  auto r = run_conform({"validate", "finx", "request", "x.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown vendor \"finx\"; did you mean \"finix\"?"));
  r = run_conform({"validate", "finix", "response:999", "x.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("documents no message"));
  r = run_conform({"validate", "finix", "request", "/nonexistent/file.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("cannot read /nonexistent/file.json"));
  r = run_conform({"validate", "finix", "request", "--jobs", "zero", "-"});
  EXPECT_EQ(r.exit_code, 2);
  r = run_conform({"validate", "--bogus"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown option --bogus"));
}

TEST(ValidateCli, UndocumentedStatusFallsBackToDefaultOrIsAUsageError) {
  auto r = run_conform({"validate", "maiascore", "response:500", "-"},
                       "{\"code\": 500, \"message\": \"x\"}");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  r = run_conform({"validate", "finix", "response:500", "-"}, "{}");
  EXPECT_EQ(r.exit_code, 2);
}

// --- Bad input: each is one finding with a clear message, exit 1, never a crash. ---

struct BadInput {
  const char* name;
  std::string bytes;
  const char* keyword;
  const char* says;
};

// ctest shows the case's name, not the parameter's bytes.
void PrintTo(const BadInput& input, std::ostream* out) { *out << input.name; }

class ValidateBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(ValidateBadInput, IsAFindingNotACrash) {
  const TempDir dir;
  const std::string file = dir.write("payload.json", GetParam().bytes);
  const auto r = run_conform(
      {"validate", "--schema", kSchemas + "/finix/request.schema.json", "--output", "json", file},
      "", 120);
  EXPECT_EQ(r.exit_code, 1) << r.err.substr(0, 500);
  EXPECT_THAT(r.out, HasSubstr(std::string("\"keyword\":\"") + GetParam().keyword + "\""))
      << r.out.substr(0, 800);
  EXPECT_THAT(r.out, HasSubstr(GetParam().says)) << r.out.substr(0, 800);
}

std::string deep_nesting(std::size_t levels) {
  return std::string(levels, '[') + std::string(levels, ']');
}

std::string many_keys(std::size_t count) {
  std::string s = "{\"enabled\": true, \"tags\": {";
  for (std::size_t i = 0; i < count; ++i)
    s += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":\"v\"";
  return s + "}}";
}

INSTANTIATE_TEST_SUITE_P(
    All, ValidateBadInput,
    ::testing::Values(
        BadInput{"malformed", "{\"enabled\": tru}", "syntax", "\"line\":1"},
        BadInput{"empty", "", "syntax", "empty"},
        BadInput{"invalid_utf8", "{\"enabled\": true, \"tags\": {\"k\": \"\xff\xfe\"}}", "encoding",
                 "invalid UTF-8: byte 0xFF"},
        BadInput{"nul_byte", std::string("{\"enabled\": true}\0", 18), "encoding", "NUL byte"},
        BadInput{"duplicate_key", "{\"enabled\": true, \"enabled\": false}", "duplicate-key",
                 "enabled"},
        // Valid JSON that no double holds is over a limit, not bad syntax.
        BadInput{"number_beyond_double", "{\"enabled\": 1e400}", "limit",
                 "beyond the range of a double"},
        BadInput{"nesting_200000", deep_nesting(200000), "limit", "nesting deeper than 512 levels"},
        BadInput{"key_count_300000", many_keys(300000), "maxProperties", "300000"},
        BadInput{"binary_garbage", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "encoding",
                 "byte 0x89"}),
    [](const ::testing::TestParamInfo<BadInput>& p) { return std::string(p.param.name); });

TEST(ValidateCli, HundredMegabyteStringIsJudgedNotFatal) {
  const TempDir dir;
  std::string big = "{\"enabled\": true, \"tags\": {\"k\": \"";
  big += std::string(100u << 20, 'a');
  big += "\"}}";
  const std::string file = dir.write("big.json", big);
  big.clear();
  big.shrink_to_fit();
  const auto r = run_conform({"validate", "finix", "request", "--output", "json", file}, "", 120);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"pointer\":\"/tags/k\""));
  EXPECT_THAT(r.out, HasSubstr("\"keyword\":\"maxLength\""));
}

// --- Broken schemas: exit 2 naming the schema and the pointer inside it. ---

// A user's own schema set: siblings and subfolders are read, and a folder given with --map;
// a $ref out of them is exit 2, unread, naming the $ref and the schema's folder.
TEST(ValidateCli, AnOwnSchemaReadsItsFolderAndMappedFoldersOnly) {
  const TempDir dir;
  dir.write("common/id.json", R"({"type": "integer"})");
  dir.write("api/defs/name.json", R"({"type": "string"})");
  const std::string schema = dir.write("api/user.json", R"({"properties": {
      "id": {"$ref": "../common/id.json"}, "name": {"$ref": "defs/name.json"}}})");
  const std::string payload = dir.write("p.json", R"({"id": "x", "name": 1})");
  auto r = run_conform({"validate", "--schema", schema, payload});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("$ref ../common/id.json: "));
  EXPECT_THAT(r.err, HasSubstr("/common/id.json is outside "));
  EXPECT_THAT(r.err, HasSubstr("/api: a $ref may name schema files"));
  r = run_conform({"validate", "--schema", schema, "--map",
                   "https://example.com/common/=" + dir.path() + "/common", payload});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.out, HasSubstr("1 payload: 0 valid, 1 invalid"));
}

struct BrokenSchema {
  const char* name;
  const char* schema;
  const char* says;
};

void PrintTo(const BrokenSchema& schema, std::ostream* out) { *out << schema.name; }

class ValidateBrokenSchema : public ::testing::TestWithParam<BrokenSchema> {};

TEST_P(ValidateBrokenSchema, ExitsTwoNamingSchemaAndPointer) {
  const TempDir dir;
  const std::string schema = dir.write("broken.schema.json", GetParam().schema);
  const std::string payload = dir.write("p.json", "{}");
  const auto r = run_conform({"validate", "--schema", schema, payload});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("broken.schema.json"));
  EXPECT_THAT(r.err, HasSubstr(GetParam().says));
  EXPECT_THAT(r.err, Not(HasSubstr("terminate called")));
}

INSTANTIATE_TEST_SUITE_P(
    All, ValidateBrokenSchema,
    ::testing::Values(
        BrokenSchema{
            "ref_loop",
            R"({"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}}, "$ref": "#/definitions/a"})",
            "/definitions/"},
        BrokenSchema{"missing_target", R"({"properties": {"x": {"$ref": "#/definitions/nope"}}})",
                     "/properties/x"},
        BrokenSchema{"invalid_regex", R"({"properties": {"x": {"pattern": "([a-z"}}})",
                     "/properties/x/pattern"},
        BrokenSchema{"not_json", R"({"type": )", "broken.schema.json"}),
    [](const ::testing::TestParamInfo<BrokenSchema>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace conform::test
