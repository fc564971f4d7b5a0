// conform fuzz over real loopback HTTP against the real mock: no failure on the documented
// contract, every vendor's drift found and saved as a case that fails on the drifted mock and
// passes on the default one, a faulty mock's faults reported as failures of their exchanges,
// and requests that depend only on the seed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "codec/json_text.hpp"
#include "codec/rapidjson.hpp"
#include "contracts/catalog.hpp"
#include "mock/server.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {
using test::run_conform;
using test::TempDir;
namespace fs = std::filesystem;

const std::vector<std::string> kVendors = {"finix", "formsonfire", "maiascore", "msp360",
                                           "nexudus"};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The first line of `text` that starts with `prefix`, or "".
std::string line_starting(const std::string& text, const std::string& prefix) {
  for (const std::string& line : lines_of(text)) {
    if (line.rfind(prefix, 0) == 0) return line;
  }
  return "";
}

bool has_line_starting(const std::string& text, const std::string& prefix) {
  return !line_starting(text, prefix).empty();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Fuzz, EveryVendorPassesAgainstTheDefaultMock) {
  const auto result = run_conform({"fuzz", "--seed", "11", "--examples", "200"}, "", 120);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  for (const std::string& vendor : kVendors) {
    EXPECT_TRUE(contains(line_starting(result.out, vendor + ": 200 examples ("),
                         "), 200 passed, 0 failed, 0 accepted invalid"))
        << result.out;
  }
  EXPECT_TRUE(contains(line_starting(result.out, "seed 11: "), " 0 failed, 0 warnings"))
      << result.out;
}

TEST(Fuzz, EveryVendorsDriftIsFoundAndTheSavedCaseFailsOnlyOnTheDriftedMock) {
  TempDir dir;
  const fs::path saved = fs::path(dir.path()) / "saved";
  const auto fuzzed = run_conform({"fuzz", "--seed", "3", "--examples", "60", "--mock-profile",
                                   "drifted", "--save-failures", saved.string()},
                                  "", 120);
  ASSERT_EQ(fuzzed.exit_code, 1) << fuzzed.out << fuzzed.err;
  for (const std::string& vendor : kVendors) {
    EXPECT_TRUE(has_line_starting(fuzzed.out, "FAIL " + vendor + " example ")) << fuzzed.out;
    EXPECT_TRUE(
        contains(line_starting(fuzzed.out, vendor + ": 60 examples ("), "), 0 passed, 60 failed"))
        << fuzzed.out;
  }
  // Each change the drifted profile makes (renamed, retyped, new value, new member, and the
  // error envelope) shows as a finding at its field.
  for (const char* change : {"/is_enabled [",
                             "/risk_profile [",
                             "/created_at [type]",
                             "ROLE_SUPPORT",
                             "/errors [",
                             "/User/EmailAddress [",
                             "/User/SsoEnabled [",
                             "/User/TimeZoneOffSet [type]",
                             "/Errors [",
                             "/isBlocked [",
                             "/lastLoginAt [",
                             "/confirmed [type]",
                             "/error [",
                             "read back: /EmailAddress [",
                             "read back: /TwoFactorEnabled [",
                             "read back: /LicenseManagmentMode [",
                             "[empty-body]",
                             "/Success [",
                             "/TraceId [",
                             "/Value/Id [type]",
                             "/Status [const]",
                             "/Title ["}) {
    EXPECT_TRUE(contains(fuzzed.out, change)) << change;
  }
  EXPECT_NE(fuzzed.out.find("reproduce: conform fuzz finix --seed 3 --example "),
            std::string::npos);
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(saved)) files += entry.is_regular_file();
  EXPECT_GE(files, kVendors.size());

  const auto lint = run_conform({"lint", "--strict", saved.string()});
  EXPECT_EQ(lint.exit_code, 0) << lint.out << lint.err;
  const auto on_drifted =
      run_conform({"replay", saved.string(), "--mock-profile", "drifted", "--report-dir",
                   (fs::path(dir.path()) / "drifted").string()});
  EXPECT_EQ(on_drifted.exit_code, 1) << on_drifted.out << on_drifted.err;
  const auto on_default = run_conform(
      {"replay", saved.string(), "--report-dir", (fs::path(dir.path()) / "default").string()});
  EXPECT_EQ(on_default.exit_code, 0) << on_default.out << on_default.err;
}

TEST(Fuzz, AProblemIsShrunkToTheFewestMembersThatStillShowIt) {
  // The first drawn valid example that changes a member: on the drifted mock every update
  // shows the drift, so the saved case keeps no changed member at all.
  const auto dry = run_conform({"fuzz", "finix", "--seed", "5", "--examples", "120", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  std::string chosen;
  for (const std::string& line : lines_of(dry.out)) {
    rapidjson::Document doc;
    doc.Parse(line.c_str());
    const auto& body = doc["case"]["steps"][0]["body"];
    if (doc["valid"].GetBool() && body.IsObject() && body.MemberCount() > 0 &&
        doc["example"].GetInt() >= 40) {
      chosen = std::to_string(doc["example"].GetInt());
      break;
    }
  }
  ASSERT_FALSE(chosen.empty());
  TempDir dir;
  const auto result = run_conform({"fuzz", "finix", "--seed", "5", "--example", chosen,
                                   "--mock-profile", "drifted", "--save-failures", dir.path()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_TRUE(contains(result.out, "shrunk to 0 changed members")) << result.out;
  const std::string saved = test::read_file(fs::path(dir.path()) / ("finix-" + chosen + ".json"));
  EXPECT_TRUE(contains(saved, "\"body\":{}")) << saved;
}

TEST(Fuzz, ARequiredHeaderIsLeftOutOnceAndTheMockAnswersWithADocumented400) {
  const auto dry = run_conform({"fuzz", "finix", "--seed", "1", "--examples", "20", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  std::vector<std::string> missing;
  for (const std::string& line : lines_of(dry.out)) {
    if (contains(line, "\"Finix-Version\":null")) missing.push_back(line);
  }
  ASSERT_EQ(missing.size(), 1u) << dry.out;
  EXPECT_TRUE(contains(missing[0], "invalid / header Finix-Version missing")) << missing[0];
  rapidjson::Document doc;
  doc.Parse(missing[0].c_str());
  const std::string example = std::to_string(doc["example"].GetInt());

  TempDir dir;
  const fs::path cases = fs::path(dir.path()) / "cases";
  fs::create_directories(cases);
  std::ofstream(cases / "missing.json") << codec::to_json_text(doc["case"]);
  const fs::path reports = fs::path(dir.path()) / "reports";
  const auto replayed = run_conform({"replay", cases.string(), "--report-dir", reports.string()});
  EXPECT_EQ(replayed.exit_code, 0) << replayed.out << replayed.err;
  const std::string report = test::read_file(reports / "report.json");
  EXPECT_FALSE(contains(report, "\"name\":\"Finix-Version\"")) << "not sent: " << report;
  EXPECT_TRUE(contains(report, "\"status\":400")) << report;
  EXPECT_TRUE(contains(report, "Finix-Version: The header must be 2022-02-01")) << report;

  // On the drifted mock its 400 has another envelope: the saved case still leaves the header
  // out, and fails only there.
  const fs::path saved = fs::path(dir.path()) / "saved";
  const auto fuzzed = run_conform({"fuzz", "finix", "--seed", "1", "--example", example,
                                   "--mock-profile", "drifted", "--save-failures", saved.string()});
  EXPECT_EQ(fuzzed.exit_code, 1) << fuzzed.out << fuzzed.err;
  const std::string file = test::read_file(saved / ("finix-" + example + ".json"));
  EXPECT_TRUE(contains(file, "\"headers\":{\"Finix-Version\":null}")) << file;
  EXPECT_EQ(run_conform({"lint", "--strict", saved.string()}).exit_code, 0);
  EXPECT_EQ(run_conform({"replay", saved.string()}).exit_code, 0);
  EXPECT_EQ(run_conform({"replay", saved.string(), "--mock-profile", "drifted"}).exit_code, 1);
}

TEST(Fuzz, InvalidBodiesGoInXmlAndFormWhereTheEncodingCarriesTheirViolation) {
  const auto dry =
      run_conform({"fuzz", "maiascore", "--seed", "1", "--examples", "300", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  std::set<std::string> formats;
  for (const std::string& line : lines_of(dry.out)) {
    rapidjson::Document doc;
    doc.Parse(line.c_str());
    const auto& step = doc["case"]["steps"][0];
    const std::string format = step["format"].GetString();
    const std::string name = doc["case"]["name"].GetString();
    if (doc["valid"].GetBool() || format == "json" || contains(name, " / ")) continue;
    formats.insert(format);
    // A number in a text encoding reads back as the string a string member takes: that
    // wrong type stays JSON.
    EXPECT_FALSE(contains(name, " type integer")) << line;
  }
  EXPECT_EQ(formats, (std::set<std::string>{"form", "xml"}));

  TempDir dir;
  const auto result = run_conform(
      {"fuzz", "maiascore", "--seed", "1", "--examples", "300", "--report-dir", dir.path()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(contains(line_starting(result.out, "maiascore: 300 examples ("), " 0 failed"))
      << result.out;
  rapidjson::Document report;
  report.Parse(test::read_file(fs::path(dir.path()) / "report.json").c_str());
  std::map<std::string, int> invalid_bodies;
  for (const auto& vendor : report["coverage"].GetArray()) {
    for (const auto& item : vendor["items"].GetArray()) {
      if (std::string(item["kind"].GetString()) == "invalid-body-media-type") {
        invalid_bodies[item["value"].GetString()] = item["exchanges"].GetInt();
      }
    }
  }
  for (const char* media_type :
       {"application/json", "application/xml", "application/x-www-form-urlencoded"}) {
    EXPECT_GT(invalid_bodies[media_type], 0) << media_type;
  }
}

TEST(Fuzz, FaultsOfAFaultyMockAreFailuresOfTheirExchangesAndTheRunFinishes) {
  mock::MockOptions options;
  options.faults = {"500", "reset", "garbage"};
  options.fault_rate = 0.3;
  mock::MockServer server(contracts::Catalog::load(CONFORM_SCHEMAS_DIR), options);
  server.start();
  const auto result = run_conform({"fuzz", "finix", "--seed", "4", "--examples", "100", "--target",
                                   server.base_url(), "--fixtures"},
                                  "", 120);
  server.stop();
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_TRUE(has_line_starting(result.out, "FAIL finix example ")) << result.out;
  // A fault's 200 with a garbage body for an invalid request is a failure, not an accepted
  // invalid request.
  EXPECT_TRUE(contains(line_starting(result.out, "finix: 100 examples ("), " 0 accepted invalid"))
      << result.out;
  EXPECT_TRUE(has_line_starting(result.out, "seed 4: ")) << result.out;
}

TEST(Fuzz, AVendorThatAcceptsWhatTheContractForbidsIsAWarning) {
  // The contract fuzz reads allows 5 tags; the server (the mock of the shipped contract)
  // takes 50: the request with 6 gets a 200.
  TempDir dir;
  const fs::path schemas = fs::path(dir.path()) / "schemas";
  fs::copy(CONFORM_SCHEMAS_DIR, schemas, fs::copy_options::recursive);
  fs::copy(CONFORM_CASES_DIR, fs::path(dir.path()) / "cases", fs::copy_options::recursive);
  const fs::path request = schemas / "finix" / "request.schema.json";
  std::string text = test::read_file(request);
  const std::string from = "\"maxProperties\": 50";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "\"maxProperties\": 5");
  std::ofstream(request, std::ios::trunc) << text;

  mock::MockServer server(contracts::Catalog::load(CONFORM_SCHEMAS_DIR), {});
  server.start();
  const auto result = run_conform({"fuzz", "finix", "--seed", "6", "--examples", "60", "--target",
                                   server.base_url(), "--fixtures", "--schemas", schemas.string()});
  server.stop();
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(contains(result.out, "the vendor accepts what the contract forbids: ")) << result.out;
  EXPECT_TRUE(contains(result.out, "/tags maxProperties 6 (status 200)")) << result.out;
  const std::string summary = line_starting(result.out, "seed 6: ");
  EXPECT_TRUE(contains(summary, " 0 failed, ")) << result.out;
  EXPECT_FALSE(contains(summary, " 0 warnings")) << result.out;
}

TEST(Fuzz, MaxTimeStopsAnEndlessRunBetweenTwoExamples) {
  const auto result = run_conform(
      {"fuzz", "finix", "--seed", "1", "--examples", "10000000", "--max-time", "1"}, "", 60);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  // The examples cut off by the deadline within a batch are neither sent nor counted.
  const std::string line = line_starting(result.out, "finix: ");
  const std::string sent = line.substr(7, line.find(' ', 7) - 7);
  EXPECT_TRUE(contains(line, "), " + sent + " passed, 0 failed")) << result.out;
  EXPECT_TRUE(contains(line_starting(result.out, "seed 1: "), "; stopped early")) << result.out;
}

TEST(Fuzz, AnUnreachableTargetCannotRun) {
  const auto result = run_conform({"fuzz", "finix", "--examples", "3", "--target",
                                   "http://127.0.0.1:1", "--fixtures", "--timeout", "2000"});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
}

TEST(Fuzz, TheSameSeedGivesByteIdenticalRequestsAndOneExampleReplaysAlone) {
  const std::vector<std::string> args = {"fuzz", "--dry-run", "--seed", "99", "--examples", "300"};
  const auto first = run_conform(args);
  const auto again = run_conform(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, again.out);
  const auto other = run_conform({"fuzz", "--dry-run", "--seed", "98", "--examples", "300"});
  EXPECT_NE(first.out, other.out);

  const std::vector<std::string> lines = lines_of(first.out);
  ASSERT_EQ(lines.size(), 5u * 300u);
  for (const std::string& line : lines) {
    rapidjson::Document doc;
    ASSERT_FALSE(doc.Parse(line.c_str()).HasParseError()) << line;
  }
  // Every encoding a vendor accepts, and the violations outside the body.
  for (const char* part :
       {"\"format\":\"xml\"", "\"format\":\"form\"", "\"text/json\"",
        "\"Content-Type\":\"text/plain\"", "\"auth\":\"none\"", "\"Finix-Version\":\"********\"",
        ", read back", ", sent twice", ", unknown user"}) {
    EXPECT_TRUE(contains(first.out, part)) << part;
  }
  // Example 250 of the second vendor, alone, is the same line.
  const auto alone =
      run_conform({"fuzz", kVendors[1], "--dry-run", "--seed", "99", "--example", "250"});
  EXPECT_EQ(alone.out, lines[300 + 250] + "\n");
}

TEST(Fuzz, ReportsListEachProblemAndTheCoverage) {
  TempDir dir;
  const auto result = run_conform({"fuzz", "nexudus", "--seed", "2", "--examples", "40",
                                   "--mock-profile", "drifted", "--report-dir", dir.path()});
  ASSERT_EQ(result.exit_code, 1) << result.out << result.err;
  for (const char* file : {"junit.xml", "report.json", "report.html", "summary.md", "report.tap"}) {
    EXPECT_TRUE(fs::exists(fs::path(dir.path()) / file)) << file;
  }
  const std::string json = test::read_file(fs::path(dir.path()) / "report.json");
  EXPECT_NE(json.find("\"keyword\""), std::string::npos);
  EXPECT_NE(json.find("enum /Language 3"), std::string::npos);
  EXPECT_NE(json.find("credentials / wrong"), std::string::npos);
  EXPECT_NE(json.find("fuzz seed 2 example "), std::string::npos);
  EXPECT_NE(json.find("\"seed\":2,"), std::string::npos) << "the seed, a field of its own";
  EXPECT_NE(test::read_file(fs::path(dir.path()) / "junit.xml")
                .find("<property name=\"seed\" value=\"2\""),
            std::string::npos);
  // Each report gives every problem's one-line command, as the console does.
  for (const char* file : {"junit.xml", "report.json", "report.html", "summary.md", "report.tap"}) {
    EXPECT_TRUE(contains(test::read_file(fs::path(dir.path()) / file),
                         "conform fuzz nexudus --seed 2 --example "))
        << file;
  }
  EXPECT_TRUE(contains(json, " --mock-profile drifted\"")) << json;
}

// A clean run still shows a CI what ran: one passed case per vendor, with the seed (a JUnit
// file of zero tests reads as "no tests found", and some CIs fail on it).
TEST(Fuzz, ACleanRunReportsOnePassedCasePerVendor) {
  TempDir dir;
  const auto result = run_conform(
      {"fuzz", "finix", "nexudus", "--seed", "5", "--examples", "30", "--report-dir", dir.path()});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  const std::string junit = test::read_file(fs::path(dir.path()) / "junit.xml");
  EXPECT_TRUE(contains(junit, "<testsuites name=\"conform\" tests=\"2\" failures=\"0\"")) << junit;
  for (const std::string vendor : {"finix", "nexudus"}) {
    EXPECT_TRUE(contains(junit, "<testcase name=\"fuzz seed 5: 30 examples (")) << junit;
    EXPECT_TRUE(contains(junit, "classname=\"" + vendor + "\"")) << junit;
  }
  EXPECT_TRUE(contains(junit, "<property name=\"seed\" value=\"5\"")) << junit;
  const std::string tap = test::read_file(fs::path(dir.path()) / "report.tap");
  EXPECT_TRUE(contains(tap, "\n1..2\n")) << tap;
  EXPECT_TRUE(has_line_starting(tap, "ok 1 - finix: fuzz seed 5: 30 examples (")) << tap;
}

}  // namespace
}  // namespace conform
