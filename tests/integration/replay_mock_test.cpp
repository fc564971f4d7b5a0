// conform replay against the embedded mock, driven through the built binary.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "codec/rapidjson.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {
namespace fs = std::filesystem;
using test::run_conform;
using test::TempDir;

using conform::test::read_file;

// Case names (vendor/name) in a report.json.
std::multiset<std::string> case_names(const fs::path& report) {
  rapidjson::Document document;
  document.Parse(read_file(report).c_str());
  std::multiset<std::string> names;
  if (!document.IsObject() || !document.HasMember("cases")) return names;
  for (const auto& c : document["cases"].GetArray()) {
    names.insert(std::string(c["vendor"].GetString()) + "/" + c["name"].GetString());
  }
  return names;
}

// Run from the source folder with no case named, replay finds cases/ beside the schemas by
// an absolute path; report.json names each case file relative to the working folder, as
// docs/report-json.md shows.
TEST(ReplayMock, ReportPathsAreRelativeToTheWorkingFolder) {
  TempDir reports;
  const auto result = test::run_program(
      "/bin/sh", {"-c", "cd \"$0\" && exec \"$1\" replay --tag success --report-dir \"$2\"",
                  CONFORM_SOURCE_DIR, CONFORM_BINARY, reports.path()});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  rapidjson::Document document;
  document.Parse(read_file(fs::path(reports.path()) / "report.json").c_str());
  ASSERT_TRUE(document.IsObject());
  ASSERT_GT(document["cases"].Size(), 0u);
  for (const auto& c : document["cases"].GetArray()) {
    const std::string file = c["file"].GetString();
    EXPECT_EQ(file.rfind("cases/" + std::string(c["vendor"].GetString()) + "/", 0), 0u) << file;
  }
}

TEST(ReplayMock, EveryShippedCasePassesAgainstTheEmbeddedMock) {
  TempDir reports;
  const auto result = run_conform({"replay", "--jobs", "4", "--report-dir", reports.path()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("  all "), std::string::npos) << "a summary table";
  for (const char* file : {"junit.xml", "report.json", "report.html", "summary.md"}) {
    EXPECT_TRUE(fs::exists(fs::path(reports.path()) / file)) << file;
  }
  const auto names = case_names(fs::path(reports.path()) / "report.json");
  EXPECT_GE(names.size(), 60u);
}

TEST(ReplayMock, ABrokenCaseFileIsExit2WithFileLineColumnAndACaret) {
  TempDir dir;
  const std::string file =
      dir.write("typo.json",
                "{\n  \"name\": \"typo\",\n  \"vendor\": \"finix\",\n"
                "  \"steps\": [\n    {\"method\": \"PUT\", \"pth\": \"/users/x\"}\n  ]\n}\n");
  const auto result = run_conform({"replay", file, "--report-dir", dir.path() + "/reports"});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find(file + ":5:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("^"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("pth"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(dir.path() + "/reports/report.json"))
      << "nothing runs when a case is broken";
}

TEST(ReplayMock, AnUnknownVendorIsExit2) {
  TempDir dir;
  const std::string file =
      dir.write("ghost.json",
                R"({"name": "x", "vendor": "ghost", "steps": [{"method": "PUT", "path": "/x"}]})");
  const auto result = run_conform({"replay", file});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("no vendor \"ghost\""), std::string::npos) << result.err;
}

// Replay compiles a response schema when a worker first checks a response against it; a
// broken one is the contract's fault: exit 2 naming the file, not a process ended by an
// exception out of a worker thread.
TEST(ReplayMock, AResponseSchemaThatDoesNotCompileIsExit2NamingIt) {
  TempDir dir;
  const fs::path schemas = fs::path(dir.path()) / "schemas";
  fs::copy(CONFORM_SCHEMAS_DIR, schemas, fs::copy_options::recursive);
  fs::create_directory_symlink(CONFORM_CASES_DIR, fs::path(dir.path()) / "cases");
  std::ofstream(schemas / "finix" / "response-200.schema.json")
      << R"({"type": "object", "properties": {"id": {"pattern": "(["}}})";
  const auto result =
      run_conform({"replay", std::string(CONFORM_CASES_DIR) + "/finix", "--schemas",
                   schemas.string(), "--jobs", "2", "--report-dir", dir.path() + "/reports"});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("conform replay: the run stopped: "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("response-200.schema.json"), std::string::npos) << result.err;
}

TEST(ReplayMock, TheSeedsPercentEncodedPlaceholderIsCaughtBeforeSending) {
  TempDir dir;
  const std::string file = dir.write("seed-path.json", R"({
  "name": "the seed's curl path", "vendor": "maiascore",
  "steps": [{"method": "PUT", "path": "/users/%7Bid%7D", "body": {"confirmed": true}, "expect": {"status": 200}}]
})");
  const auto result = run_conform({"replay", file, "--report-dir", dir.path() + "/r"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("placeholder %7Bid%7D"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("ERROR"), std::string::npos);
}

TEST(ReplayMock, ASecretCanaryAppearsInNoConsoleOutputOrReport) {
  TempDir dir;
  // Fails on purpose (status 500 is never answered), so the console prints the exchange
  // and a curl reproducer, and the reports carry everything.
  dir.write("cases/canary-var.json", R"({
  "name": "secret variable in a body", "vendor": "finix",
  "steps": [{"method": "PUT", "path": "/users/${user_id}", "body": {"tags": {"note": "${canary}"}},
             "expect": {"status": 500}}]
})");
  dir.write("cases/canary-field.json", R"({
  "name": "secret body member", "vendor": "msp360",
  "steps": [{"method": "PUT", "path": "/api/Users", "body": {"ID": "${user_id}", "Password": "canary-field-0451"},
             "expect": {"status": 500}}]
})");
  const std::string reports = dir.path() + "/reports";
  const auto result = run_conform({"replay", dir.path() + "/cases", "--secret-var",
                                   "canary=canary-var-8191", "--report-dir", reports});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("reproduce: curl"), std::string::npos) << result.out;
  for (const char* canary :
       {"canary-var-8191", "canary-field-0451", "mock-password", "mock-token"}) {
    EXPECT_EQ(result.out.find(canary), std::string::npos) << canary << " in stdout";
    EXPECT_EQ(result.err.find(canary), std::string::npos) << canary << " in stderr";
    for (const auto& entry : fs::directory_iterator(reports)) {
      EXPECT_EQ(read_file(entry.path()).find(canary), std::string::npos)
          << canary << " in " << entry.path();
    }
  }
}

TEST(ReplayMock, ShardsTogetherRunEveryCaseExactlyOnce) {
  TempDir dir;
  const auto all = run_conform({"replay", "--report-dir", dir.path() + "/all"});
  ASSERT_EQ(all.exit_code, 0) << all.out;
  std::multiset<std::string> together;
  for (int k = 1; k <= 3; ++k) {
    const std::string out = dir.path() + "/shard" + std::to_string(k);
    const auto shard =
        run_conform({"replay", "--shard", std::to_string(k) + "/3", "--report-dir", out});
    ASSERT_EQ(shard.exit_code, 0) << shard.out << shard.err;
    const auto names = case_names(fs::path(out) / "report.json");
    EXPECT_FALSE(names.empty()) << "shard " << k;
    together.insert(names.begin(), names.end());
  }
  EXPECT_EQ(together, case_names(fs::path(dir.path()) / "all" / "report.json"));
}

TEST(ReplayMock, TagsSelectCases) {
  TempDir dir;
  const auto result =
      run_conform({"replay", "--tag", "seed", "--exclude-tag", "xml", "--report-dir", dir.path()});
  EXPECT_EQ(result.exit_code, 0) << result.out;
  const auto names = case_names(fs::path(dir.path()) / "report.json");
  EXPECT_GE(names.size(), 5u);
  EXPECT_LT(names.size(), 20u);
  EXPECT_EQ(names.count("msp360/the seed's XML sample is refused (ID is a placeholder)"), 0u);
}

TEST(ReplayMock, TheDriftedProfileFailsCasesAndSaysHowToReproduce) {
  TempDir dir;
  const auto result =
      run_conform({"replay", "--mock-profile", "drifted", "--report-dir", dir.path()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("FAIL "), std::string::npos);
  EXPECT_NE(result.out.find("reproduce: curl -sS -X PUT"), std::string::npos);
}

TEST(ReplayMock, AnUnreachableTargetIsExit2AndSaysWhatToCheck) {
  TempDir dir;
  const auto result = run_conform({"replay", std::string(CONFORM_CASES_DIR) + "/finix", "--target",
                                   "http://127.0.0.1:1", "--fixtures", "--retries", "0",
                                   "--report-dir", dir.path()});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("cannot connect to http://127.0.0.1:1"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("Check --target"), std::string::npos) << result.err;
}

TEST(ReplayMock, MissingCredentialsForALiveTargetAreExit2) {
  TempDir dir;
  const auto result = run_conform({"replay", std::string(CONFORM_CASES_DIR) + "/finix", "--target",
                                   "http://127.0.0.1:1", "--report-dir", dir.path()});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("has no value"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("auth.env"), std::string::npos) << result.err;
}

TEST(ReplayMock, VarsFileValuesOverrideTheProfile) {
  TempDir dir;
  const std::string vars =
      dir.write("live.env", "# a user the mock does not know\nuser_id=USnobody\n");
  const auto result =
      run_conform({"replay", std::string(CONFORM_CASES_DIR) + "/finix/update-tags.json",
                   "--vars-file", vars, "--report-dir", dir.path() + "/r"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("/users/USnobody -> 404"), std::string::npos) << result.out;
}

TEST(ReplayMock, RpsSpacesTheRequests) {
  TempDir dir;
  const auto started = std::chrono::steady_clock::now();
  const auto result = run_conform({"replay", std::string(CONFORM_CASES_DIR) + "/finix", "--jobs",
                                   "4", "--rps", "25", "--report-dir", dir.path()});
  const auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(result.exit_code, 0) << result.out;
  // At least 16 requests at 25 per second: 0.6 s at the very least.
  EXPECT_GE(elapsed, std::chrono::milliseconds(600));
}

TEST(ReplayMock, BadArgumentsAreExit2) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"replay", "--shard", "4/3"},
                                               {"replay", "--jobs", "0"},
                                               {"replay", "--target", "ftp://x"},
                                               {"replay", "--base", "finix"},
                                               {"replay", "--var", "novalue"},
                                               {"replay", "/no/such/folder"}}) {
    const auto result = run_conform(args);
    EXPECT_EQ(result.exit_code, 2) << args[1] << " " << args[2 % args.size()] << "\n" << result.err;
  }
}

}  // namespace
}  // namespace conform
