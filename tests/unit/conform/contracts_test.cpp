// The public C++ API (<conform/conform.hpp>): loading the contracts, validating bytes in each
// format, the findings a caller reads, and validating from many threads at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "conform/conform.hpp"
#include "support/files.hpp"
#include "support/scoped_env.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {
namespace fs = std::filesystem;

const Contracts& contracts() {
  static const Contracts loaded = Contracts::load(CONFORM_SCHEMAS_DIR);
  return loaded;
}

// The test-only vendor (tests/data/vendors/acme): the tests of what the API does with any
// vendor use it, so a change to a shipped vendor's contract does not touch them.
const Contracts& acme_contracts() {
  static const Contracts loaded = Contracts::load(CONFORM_TESTS_DIR "/data/vendors");
  return loaded;
}

using conform::test::read_file;

using conform::test::ScopedEnv;

TEST(Contracts, LoadsEveryVendorAndItsMessages) {
  EXPECT_EQ(contracts().vendors(),
            (std::vector<std::string>{"finix", "formsonfire", "maiascore", "msp360", "nexudus"}));
  const auto messages = contracts().messages("maiascore");
  EXPECT_NE(std::find(messages.begin(), messages.end(), "request"), messages.end());
  EXPECT_NE(std::find(messages.begin(), messages.end(), "response:default"), messages.end());
  EXPECT_TRUE(contracts().messages("nobody").empty());
  EXPECT_EQ(contracts().schemas_dir(), fs::path(CONFORM_SCHEMAS_DIR));
}

TEST(Contracts, AValidRequestHasNoFindings) {
  const Verdict verdict = acme_contracts().validate("acme", "request", R"({"active": false})");
  EXPECT_TRUE(verdict.valid);
  EXPECT_TRUE(verdict.findings.empty());
}

TEST(Contracts, AFindingPointsAtTheMemberWithLineColumnAndSuggestion) {
  const std::string body =
      "{\n"
      "  \"Display_name\": \"Ada\",\n"
      "  \"active\": true\n"
      "}\n";
  const Verdict verdict = acme_contracts().validate("acme", "request", body);
  ASSERT_FALSE(verdict.valid);
  const auto undocumented =
      std::find_if(verdict.findings.begin(), verdict.findings.end(),
                   [](const Finding& f) { return f.keyword == "additionalProperties"; });
  ASSERT_NE(undocumented, verdict.findings.end());
  EXPECT_EQ(undocumented->pointer, "/Display_name");
  EXPECT_EQ(undocumented->line, 2);
  EXPECT_EQ(undocumented->column, 3);
  EXPECT_NE(undocumented->message.find("did you mean \"display_name\""), std::string::npos)
      << undocumented->message;
}

TEST(Contracts, FindingsCarryExpectedAndActual) {
  const Verdict verdict = acme_contracts().validate("acme", "request", R"({"active": "yes"})");
  ASSERT_FALSE(verdict.valid);
  ASSERT_EQ(verdict.findings.size(), 1u);
  const Finding& f = verdict.findings[0];
  EXPECT_EQ(f.pointer, "/active");
  EXPECT_EQ(f.keyword, "type");
  EXPECT_EQ(f.line, 1);
  EXPECT_EQ(f.column, 12);
  ASSERT_TRUE(f.expected.has_value());
  EXPECT_NE(f.expected->find("boolean"), std::string::npos) << *f.expected;
  ASSERT_TRUE(f.actual.has_value());
  EXPECT_NE(f.actual->find("yes"), std::string::npos) << *f.actual;
}

TEST(Contracts, ValidatesXmlAndFormBytes) {
  const fs::path examples = fs::path(CONFORM_SCHEMAS_DIR) / "msp360" / "examples";
  for (const auto& entry : fs::directory_iterator(examples)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".xml" || name.rfind("request.", 0) != 0) continue;
    PayloadOptions xml;
    xml.format = Format::xml;
    const Verdict verdict = contracts().validate("msp360", "request", read_file(entry.path()), xml);
    EXPECT_EQ(verdict.valid, name.find(".valid.") != std::string::npos) << name;
  }
  PayloadOptions form;
  form.format = Format::form;
  EXPECT_TRUE(
      contracts()
          .validate("maiascore", "request", "confirmed=false&reports=maia-0123456789ab", form)
          .valid);
  const Verdict wrong = contracts().validate("maiascore", "request", "confirmed=maybe", form);
  ASSERT_FALSE(wrong.valid);
  EXPECT_EQ(wrong.findings[0].pointer, "/confirmed");
  // Without a format the bytes decide: XML sent to a JSON-only vendor is named as such.
  const Verdict sniffed =
      contracts().validate("finix", "request", "<user><enabled>true</enabled></user>");
  ASSERT_FALSE(sniffed.valid);
  EXPECT_EQ(sniffed.findings[0].keyword, "content-type");
}

TEST(Contracts, UndocumentedResponseMembersAreFindingsOnlyWhenStrict) {
  const std::string body =
      R"({"error": {"code": "invalid_request", "detail": "boom"}, "trace": "x"})";
  EXPECT_TRUE(acme_contracts().validate("acme", "response:400", body).valid);
  PayloadOptions strict;
  strict.strict = true;
  const Verdict verdict = acme_contracts().validate("acme", "response:400", body, strict);
  ASSERT_FALSE(verdict.valid);
  EXPECT_EQ(verdict.findings[0].pointer, "/trace");
}

TEST(Contracts, AnUndocumentedStatusUsesTheDefaultResponse) {
  EXPECT_TRUE(
      contracts().validate("maiascore", "response:418", R"({"code": 418, "message": "x"})").valid);
  EXPECT_FALSE(contracts().validate("maiascore", "response:418", R"({"code": "418"})").valid);
}

TEST(Contracts, AnUnknownVendorOrMessageIsOneFindingWithASuggestion) {
  const Verdict vendor = acme_contracts().validate("acm", "request", "{}");
  ASSERT_FALSE(vendor.valid);
  ASSERT_EQ(vendor.findings.size(), 1u);
  EXPECT_EQ(vendor.findings[0].keyword, "vendor");
  EXPECT_EQ(vendor.findings[0].message, "unknown vendor \"acm\"; did you mean \"acme\"?");

  const Verdict message = acme_contracts().validate("acme", "response:418", "{}");
  ASSERT_FALSE(message.valid);
  ASSERT_EQ(message.findings.size(), 1u);
  EXPECT_EQ(message.findings[0].keyword, "message");
  EXPECT_EQ(message.findings[0].message, "unknown acme message \"response:418\"");

  const Verdict typo = acme_contracts().validate("acme", "requst", "{}");
  EXPECT_EQ(typo.findings[0].message, "unknown acme message \"requst\"; did you mean \"request\"?");
}

TEST(Contracts, LoadFailsOnAFolderThatHoldsNoContracts) {
  const test::TempDir empty;
  try {
    Contracts::load(empty.path());
    FAIL() << "load() accepted a folder without contracts";
  } catch (const LoadError& e) {
    EXPECT_NE(std::string(e.what()).find(empty.path()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("manifest.schema.json"), std::string::npos) << e.what();
  }
}

// A broken schema is found at load, not by the first validate() that needs it.
TEST(Contracts, LoadCompilesEverySchema) {
  const test::TempDir dir;
  const fs::path copy = fs::path(dir.path()) / "schemas";
  fs::create_directories(copy);
  for (const char* file : {"manifest.schema.json", "mock.schema.json"}) {
    fs::copy_file(fs::path(CONFORM_SCHEMAS_DIR) / file, copy / file);
  }
  fs::copy(fs::path(CONFORM_TESTS_DIR) / "data/vendors/acme", copy / "acme",
           fs::copy_options::recursive);
  std::ofstream(copy / "acme" / "response-400.schema.json", std::ios::trunc)
      << R"({"type": "object", "properties": {"detail": {"pattern": "(["}}})";
  try {
    Contracts::load(copy);
    FAIL() << "load() accepted a broken schema";
  } catch (const LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("response-400.schema.json"), std::string::npos)
        << e.what();
  }
}

TEST(Contracts, DefaultFolderIsTheEnvironmentsThenTheInstalledOne) {
  {
    const ScopedEnv env("CONFORM_SCHEMAS", "/somewhere/schemas");
    EXPECT_EQ(default_schemas_dir(CONFORM_SCHEMAS_DIR), fs::path("/somewhere/schemas"));
  }
  const ScopedEnv unset("CONFORM_SCHEMAS", nullptr);
  EXPECT_EQ(default_schemas_dir(CONFORM_SCHEMAS_DIR), fs::path(CONFORM_SCHEMAS_DIR));
  // A package folder that holds no contracts is passed over (a half-removed install).
  const test::TempDir empty;
  const fs::path fallback = default_schemas_dir(empty.path());
  EXPECT_NE(fallback, fs::path(empty.path()));
  EXPECT_TRUE(fs::is_regular_file(fallback / "manifest.schema.json")) << fallback;
}

struct Sample {
  std::string vendor;
  std::string message;
  std::string bytes;
  PayloadOptions options;
};

// Every example payload of every vendor, in every format.
std::vector<Sample> all_examples() {
  std::vector<Sample> samples;
  for (const auto& vendor : fs::directory_iterator(CONFORM_SCHEMAS_DIR)) {
    const fs::path examples = vendor.path() / "examples";
    if (!fs::is_directory(examples)) continue;
    for (const auto& entry : fs::directory_iterator(examples)) {
      const std::string name = entry.path().filename().string();
      if (name == "expected.json") continue;
      Sample sample;
      sample.vendor = vendor.path().filename().string();
      sample.message = name.substr(0, name.find('.'));
      if (sample.message.rfind("response-", 0) == 0) {
        sample.message = "response:" + sample.message.substr(9);
      }
      const std::string ext = entry.path().extension().string();
      sample.options.format = ext == ".xml"    ? Format::xml
                              : ext == ".form" ? Format::form
                                               : Format::json;
      sample.bytes = read_file(entry.path());
      samples.push_back(std::move(sample));
    }
  }
  return samples;
}

std::string summary(const Verdict& verdict) {
  std::string out = verdict.valid ? "valid" : "invalid";
  for (const auto& f : verdict.findings) {
    out += "|" + f.pointer + " " + f.keyword + " " + std::to_string(f.line) + ":" +
           std::to_string(f.column) + " " + f.message;
  }
  return out;
}

TEST(Contracts, ValidatesFromManyThreadsWithTheVerdictsOfOne) {
  // A fresh load, so the threads are the first to validate with its schemas.
  const Contracts shared = Contracts::load(CONFORM_SCHEMAS_DIR);
  const std::vector<Sample> samples = all_examples();
  ASSERT_GT(samples.size(), 100u);
  constexpr int kThreads = 8;
  constexpr int kRounds = 5;
  std::vector<std::vector<std::string>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Half the threads use copies: copies share the loaded contracts.
      const Contracts mine = shared;
      const Contracts& use = t % 2 == 0 ? shared : mine;
      for (int round = 0; round < kRounds; ++round) {
        for (std::size_t i = 0; i < samples.size(); ++i) {
          // Each thread starts at a different sample, so different schemas run at once.
          const Sample& s = samples[(i + static_cast<std::size_t>(t) * 17) % samples.size()];
          const std::string got = summary(use.validate(s.vendor, s.message, s.bytes, s.options));
          if (round == 0) seen[t].push_back(got);
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();

  std::vector<std::string> expected;
  for (const auto& s : samples) {
    expected.push_back(summary(shared.validate(s.vendor, s.message, s.bytes, s.options)));
  }
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_EQ(seen[t].size(), samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
      EXPECT_EQ(seen[t][i], expected[(i + static_cast<std::size_t>(t) * 17) % samples.size()])
          << "thread " << t << " sample " << i;
    }
  }
  // The examples' verdicts are not all alike, so agreement above means something.
  EXPECT_NE(std::count_if(expected.begin(), expected.end(),
                          [](const std::string& s) { return s == "valid"; }),
            static_cast<long>(expected.size()));
}

}  // namespace
}  // namespace conform
