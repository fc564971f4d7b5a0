// `validate --ndjson` clears valid lines by a verdict alone (QuickVerdict) and sends the
// rest through the full check: its output must be what the library's Catalog::check says
// of each line on its own, for every vendor's examples and their mutations.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "codec/rapidjson.hpp"
#include "contracts/catalog.hpp"
#include "support/catalogs.hpp"
#include "support/run_command.hpp"

namespace conform {
namespace {

namespace fs = std::filesystem;

std::string compact(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

// One line per example request, and per example a few lines a sender gets wrong.
std::vector<std::string> request_lines(const fs::path& examples, std::mt19937& random) {
  std::vector<std::string> lines;
  for (const auto& entry : fs::directory_iterator(examples)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("request.", 0) != 0 || entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document document;
    document.Parse(text.str().c_str());
    if (document.HasParseError()) continue;
    const std::string line = compact(document);
    lines.push_back(line);
    lines.push_back(line.substr(0, line.size() / 2));
    if (!document.IsObject() || document.MemberCount() == 0) continue;
    const char* replacements[] = {"\"x\"", "-1", "null", "[1]", "{}", "true"};
    for (int round = 0; round < 4; ++round) {
      rapidjson::Document copy;
      copy.CopyFrom(document, copy.GetAllocator());
      auto member = copy.MemberBegin() + static_cast<long>(random() % copy.MemberCount());
      const std::string key = compact(member->name);
      member->value.SetNull();
      std::string mutated = compact(copy);
      const auto at = mutated.find(key + ":null");
      if (at == std::string::npos) continue;
      mutated.replace(at + key.size() + 1, 4, replacements[random() % 6]);
      lines.push_back(mutated);
      lines.push_back("{" + key + ":null," + mutated.substr(1));  // a duplicate key
    }
  }
  return lines;
}

TEST(ValidateNdjsonParity, EveryLineGetsTheLibrarysVerdictAndFindings) {
  const auto catalog = contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
  std::mt19937 random(11);
  std::size_t valid_lines = 0, invalid_lines = 0;
  for (const auto& vendor : catalog->vendors()) {
    const fs::path examples = fs::path(CONFORM_SCHEMAS_DIR) / vendor.id / "examples";
    if (!fs::exists(examples)) continue;
    const auto id = parse_message_id("request");
    const contracts::MessageSpec* message = catalog->message(vendor, *id);
    if (message == nullptr) continue;
    const auto lines = request_lines(examples, random);
    std::string input;
    for (const auto& line : lines) input += line + "\n";
    const auto run = test::run_conform(
        {"validate", vendor.id, "request", "--ndjson", "--output", "json", "--jobs", "2", "-"},
        input, 120);
    ASSERT_NE(run.exit_code, 2) << run.err;
    std::istringstream out(run.out);
    std::string json_line;
    std::size_t index = 0;
    while (std::getline(out, json_line)) {
      ASSERT_LT(index, lines.size());
      rapidjson::Document got;
      got.Parse(json_line.c_str());
      ASSERT_FALSE(got.HasParseError()) << json_line;
      contracts::CheckOptions options;
      options.format = Format::json;
      const PayloadResult expected = catalog->check(vendor, *message, lines[index], options);
      const std::string where =
          vendor.id + " line " + std::to_string(index + 1) + ": " + lines[index] + "\n" + json_line;
      ASSERT_EQ(got["valid"].GetBool(), expected.valid) << where;
      const auto& findings = got["findings"];
      ASSERT_EQ(findings.Size(), expected.findings.size()) << where;
      for (rapidjson::SizeType i = 0; i < findings.Size(); ++i) {
        const Finding& f = expected.findings[i];
        EXPECT_EQ(findings[i]["keyword"].GetString(), f.keyword) << where;
        EXPECT_EQ(findings[i]["message"].GetString(), f.message) << where;
        if (findings[i].HasMember("pointer")) {
          EXPECT_EQ(findings[i]["pointer"].GetString(), f.pointer) << where;
        }
      }
      expected.valid ? ++valid_lines : ++invalid_lines;
      ++index;
    }
    EXPECT_EQ(index, lines.size()) << vendor.id;
  }
  EXPECT_GT(valid_lines, 20u);
  EXPECT_GT(invalid_lines, 100u);
}

}  // namespace
}  // namespace conform

namespace conform {
namespace {

// The test-only vendor (tests/data/vendors/acme): batching, order and size limits are no
using test::kTestVendorsDir;

TEST(ValidateNdjsonParity, ManyBatchesOnSeveralJobsKeepOrderAndCounts) {
  // Past one batch (4,096 lines), with more jobs than cores: the helper threads are reused
  // from batch to batch and every line is judged once, in order.
  std::string input;
  std::size_t invalid = 0;
  for (int i = 0; i < 10000; ++i) {
    if (i % 13 == 0) {
      input += "{\"active\":\"no\"}\n";
      ++invalid;
    } else {
      input += "{\"active\":true,\"labels\":{\"n\":\"" + std::to_string(i) + "\"}}\n";
    }
  }
  for (const char* jobs : {"1", "3"}) {
    const auto run = test::run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir,
                                        "--ndjson", "--output", "json", "--jobs", jobs, "-"},
                                       input, 120);
    ASSERT_EQ(run.exit_code, 1) << run.err;
    std::istringstream out(run.out);
    std::string line;
    std::size_t expected_line = 0, invalid_seen = 0;
    while (std::getline(out, line)) {
      rapidjson::Document d;
      d.Parse(line.c_str());
      ASSERT_FALSE(d.HasParseError()) << line;
      ASSERT_EQ(d["line"].GetUint64(), ++expected_line) << "--jobs " << jobs;
      EXPECT_EQ(d["valid"].GetBool(), (expected_line - 1) % 13 != 0) << line;
      invalid_seen += d["valid"].GetBool() ? 0 : 1;
    }
    EXPECT_EQ(expected_line, 10000u) << "--jobs " << jobs;
    EXPECT_EQ(invalid_seen, invalid) << "--jobs " << jobs;
    EXPECT_NE(run.err.find("10000 payloads: " + std::to_string(10000 - invalid) + " valid, " +
                           std::to_string(invalid) + " invalid"),
              std::string::npos)
        << run.err;
  }
}

TEST(ValidateNdjsonParity, LargeAndOversizeLinesKeepTheirPlaceAndTheirVerdicts) {
  // Lines over a batch's 256 KiB buffer get batches of their own (which then shrink); lines over
  // the body-bytes limit are judged by size alone. Output order and verdicts must not notice.
  const std::string big_value(600 * 1024, 'x');  // over the 500-code-point label limit
  const std::string huge(3 * 512 * 1024, ' ');   // 1.5 MB: over --limit body-bytes=1M
  std::string input;
  for (int i = 0; i < 40; ++i) {
    if (i % 10 == 3) {
      input += "{\"active\":true" + huge + "}\n";
    } else if (i % 10 == 5) {
      input += "{\"active\":true,\"labels\":{\"k\":\"" + big_value + "\"}}\n";
    } else {
      input += "{\"active\":true}\n";
    }
  }
  for (const char* jobs : {"1", "2"}) {
    const auto run =
        test::run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir, "--ndjson",
                           "--output", "json", "--jobs", jobs, "--limit", "body-bytes=1M", "-"},
                          input, 120);
    ASSERT_EQ(run.exit_code, 1) << run.err;
    std::istringstream out(run.out);
    std::string line;
    std::size_t expected_line = 0;
    while (std::getline(out, line)) {
      rapidjson::Document d;
      d.Parse(line.c_str());
      ASSERT_FALSE(d.HasParseError()) << line.substr(0, 200);
      ASSERT_EQ(d["line"].GetUint64(), ++expected_line) << "--jobs " << jobs;
      const std::size_t kind = (expected_line - 1) % 10;
      EXPECT_EQ(d["valid"].GetBool(), kind != 3 && kind != 5) << "line " << expected_line;
      if (kind == 3 || kind == 5) {
        ASSERT_GE(d["findings"].Size(), 1u);
        const std::string keyword = d["findings"][0]["keyword"].GetString();
        EXPECT_EQ(keyword == "limit", kind == 3) << "line " << expected_line << ": " << keyword;
      }
    }
    EXPECT_EQ(expected_line, 40u) << "--jobs " << jobs;
  }
}

}  // namespace
}  // namespace conform
