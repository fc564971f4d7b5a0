// QuickVerdict clears a payload only when the full path (parse_json, then validate with
// findings) would find nothing: bulk validation skips the full path on its word.
#include "schema/quick_verdict.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "codec/json_reader.hpp"
#include "schema/schema.hpp"
#include "schema_test_support.hpp"
#include "support/files.hpp"

namespace conform::schema {
namespace {

namespace fs = std::filesystem;

using conform::test::read_file;

// The verdict of the full path: no decoding finding, valid, and no schema finding.
bool full_path_clears(const Schema& schema, std::string_view bytes, bool strict,
                      const codec::Limits& limits = {}) {
  rapidjson::Document document;
  Findings findings;
  if (!codec::parse_json(bytes, limits, document, findings) || !findings.empty()) return false;
  ValidateOptions options;
  options.strict = strict;
  const bool valid = schema.validate(document, &findings, options);
  return valid && findings.empty();
}

// Mutations a sender gets wrong: members dropped or retyped, keys repeated, bytes cut.
std::vector<std::string> mutations(const std::string& text, std::mt19937& random) {
  std::vector<std::string> out{text};
  rapidjson::Document document;
  document.Parse(text.data(), text.size());
  if (!document.HasParseError() && document.IsObject() && document.MemberCount() > 0) {
    const char* replacements[] = {
        "\"x\"",  "1", "-1", "null", "[]", "{}", "true", "1.5", "\"2024-13-01T00:00:00Z\"",
        "\"a@b\""};
    for (int round = 0; round < 6; ++round) {
      rapidjson::Document copy;
      copy.CopyFrom(document, copy.GetAllocator());
      auto member = copy.MemberBegin() + static_cast<long>(random() % copy.MemberCount());
      rapidjson::StringBuffer buffer;
      rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
      if (round % 3 == 0) {
        copy.RemoveMember(member);
        copy.Accept(writer);
        out.emplace_back(buffer.GetString());
        continue;
      }
      const std::string name(member->name.GetString(), member->name.GetStringLength());
      member->value.SetNull();
      copy.Accept(writer);
      std::string mutated = buffer.GetString();
      const std::string null_member = "\"" + name + "\":null";
      const auto at = mutated.find(null_member);
      if (at == std::string::npos) continue;
      mutated.replace(at + null_member.size() - 4, 4, replacements[random() % 10]);
      out.push_back(mutated);
      // The same member twice: a duplicate key.
      out.push_back("{" + null_member + "," + mutated.substr(1));
    }
  }
  out.push_back(text.substr(0, text.size() / 2));
  out.push_back("\xEF\xBB\xBF" + text);
  out.push_back(text + std::string(1, '\0'));
  out.push_back("   " + text + "\n");
  return out;
}

TEST(QuickVerdict, ClearsExactlyWhatTheFullPathFindsNothingIn) {
  const fs::path root = CONFORM_SCHEMAS_DIR;
  std::mt19937 random(7);
  std::size_t cleared = 0, refused = 0;
  for (const auto& vendor : fs::directory_iterator(root)) {
    if (!vendor.is_directory() || !fs::exists(vendor.path() / "examples")) continue;
    std::vector<std::string> payloads;
    for (const auto& example : fs::directory_iterator(vendor.path() / "examples")) {
      if (example.path().extension() != ".json") continue;
      for (auto& m : mutations(read_file(example.path()), random)) payloads.push_back(m);
    }
    SchemaRegistry registry;
    for (const auto& file : fs::directory_iterator(vendor.path())) {
      const std::string name = file.path().filename().string();
      if (name.find(".schema.json") == std::string::npos) continue;
      const auto schema = registry.load_file(file.path());
      for (const bool strict : {false, true}) {
        const QuickVerdict quick(schema, strict, codec::Limits{});
        for (const auto& payload : payloads) {
          const bool expected = full_path_clears(*schema, payload, strict);
          ASSERT_EQ(quick.clears(payload), expected)
              << file.path() << (strict ? " (strict)" : "") << "\n"
              << payload;
          expected ? ++cleared : ++refused;
        }
      }
    }
  }
  // Both answers were exercised, many times.
  EXPECT_GT(cleared, 100u);
  EXPECT_GT(refused, 1000u);
}

TEST(QuickVerdict, RefusesWhatTheDecoderReportsEvenWhenTheValueIsValid) {
  const auto schema = testing::compile(R"({"type":"object"})");
  const QuickVerdict quick(schema, false, codec::Limits{});
  EXPECT_TRUE(quick.clears(R"({"a":1})"));
  EXPECT_FALSE(quick.clears(R"({"a":1,"a":2})"));      // duplicate key
  EXPECT_FALSE(quick.clears("\xEF\xBB\xBF{}"));        // byte order mark
  EXPECT_FALSE(quick.clears(std::string("{}\0", 3)));  // NUL byte
  EXPECT_FALSE(quick.clears("{\"a\":\"\xC3\x28\"}"));  // invalid UTF-8
  EXPECT_FALSE(quick.clears("{"));                     // syntax
  EXPECT_FALSE(quick.clears(""));                      // empty
}

TEST(QuickVerdict, AppliesItsOwnLimitsAndStrictness) {
  const auto schema = testing::compile(R"({"type":"object","properties":{"a":{}}})");
  codec::Limits shallow;
  shallow.max_depth = 2;
  const QuickVerdict limited(schema, false, shallow);
  const QuickVerdict unlimited(schema, false, codec::Limits{});
  const QuickVerdict strict(schema, true, codec::Limits{});
  const std::string deep = R"({"a":{"b":{"c":1}}})";
  // Alternating on one thread: each keeps its own limits.
  EXPECT_FALSE(limited.clears(deep));
  EXPECT_TRUE(unlimited.clears(deep));
  EXPECT_FALSE(limited.clears(deep));
  EXPECT_TRUE(unlimited.clears(R"({"b":1})"));
  EXPECT_FALSE(strict.clears(R"({"b":1})"));  // undocumented member in drift mode
}

TEST(QuickVerdict, GivesTheSameAnswersFromManyThreads) {
  const auto schema =
      testing::compile(R"({"type":"object","properties":{"n":{"type":"integer","maximum":500}}})");
  const QuickVerdict quick(schema, false, codec::Limits{});
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string payload = "{\"n\":" + std::to_string(i) + "}";
        if (quick.clears(payload) != (i <= 500)) ++wrong[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

TEST(SchemaRegistry, AskingAgainByAnotherSpellingGivesTheSameCompiledSchema) {
  const testing::TempDir dir;
  const auto file = dir.write("a.schema.json", R"({"type":"string"})");
  SchemaRegistry registry;
  const auto first = registry.load_file(file);
  EXPECT_EQ(registry.load_file(file), first);
  EXPECT_EQ(registry.load_file(fs::path(dir.path()) / "." / "a.schema.json"), first);
  // A relative spelling, resolved against the working directory (which the test leaves alone).
  const fs::path relative = fs::relative(file, fs::current_path());
  ASSERT_TRUE(relative.is_relative()) << relative;
  EXPECT_EQ(registry.load_file(relative), first);
  EXPECT_THROW(registry.load_file(fs::path(dir.path()) / "missing.schema.json"), SchemaError);
}

}  // namespace
}  // namespace conform::schema
