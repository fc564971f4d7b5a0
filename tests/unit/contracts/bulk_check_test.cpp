// BulkCheck is the pipeline validate runs over many payloads: its shortcut for valid JSON
// must never change a verdict or a finding. Every answer is compared with the full check.
#include "contracts/bulk_check.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "contracts/message_checker.hpp"
#include "contracts/payload_check.hpp"
#include "schema/schema.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace conform::contracts {
namespace {
namespace fs = std::filesystem;

std::string describe_with_xpath(const PayloadResult& result) {
  std::string out = result.valid ? "valid\n" : "invalid\n";
  for (const auto& f : result.findings) {
    out += std::to_string(f.line) + ":" + std::to_string(f.column) + "+" +
           std::to_string(f.length) + " " + f.pointer + " " + f.xpath + " [" + f.keyword + "] " +
           f.message + "\n";
  }
  return out;
}

// Every example payload of `vendor`'s `message`, whatever its encoding.
std::vector<std::string> examples(const std::string& vendor, const std::string& message) {
  std::vector<std::string> payloads;
  for (const auto& entry :
       fs::directory_iterator(fs::path(CONFORM_SCHEMAS_DIR) / vendor / "examples")) {
    if (entry.path().filename().string().rfind(message + ".", 0) == 0) {
      payloads.push_back(test::read_file(entry.path()));
    }
  }
  return payloads;
}

const std::vector<std::optional<Format>> kDeclaredFormats = {std::nullopt, Format::json,
                                                             Format::xml, Format::form};

TEST(BulkCheck, GivesTheFullChecksVerdictAndFindingsOnEveryExampleInEveryFormat) {
  const auto catalog = Catalog::load(CONFORM_SCHEMAS_DIR);
  std::size_t checked = 0;
  for (const auto& [vendor_id, message_name] :
       std::vector<std::pair<std::string, std::string>>{{"finix", "request"},
                                                        {"maiascore", "request"},
                                                        {"msp360", "request"},
                                                        {"formsonfire", "response-200"}}) {
    const Manifest& vendor = *catalog->find(vendor_id);
    const std::string id = message_name == "request" ? "request" : "response:200";
    const MessageSpec& message = *catalog->message(vendor, *parse_message_id(id));
    const MessageChecker full(*catalog, vendor, message);
    std::vector<std::string> payloads = examples(vendor_id, message_name);
    ASSERT_GT(payloads.size(), 2u) << vendor_id << " " << message_name;
    payloads.insert(payloads.end(), {"", "{", "{}", "[]", "null", "{\"x\": 1}"});
    for (const bool strict : {false, true}) {
      CheckOptions options;
      options.strict = strict;
      const BulkCheck bulk(*catalog, vendor, message, options);
      for (const auto& format : kDeclaredFormats) {
        for (const auto& bytes : payloads) {
          CheckOptions declared = options;
          declared.format = format;
          EXPECT_EQ(describe_with_xpath(bulk.check(bytes, format)),
                    describe_with_xpath(full.check(bytes, declared)))
              << vendor_id << " " << message_name << " strict=" << strict << ":\n"
              << bytes;
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 200u);
}

// A valid JSON payload for a message the vendor does not take as JSON is not valid: the
// shortcut, which knows only the schema, must not clear it.
TEST(BulkCheck, AValidJsonPayloadForAMessageThatTakesNoJsonKeepsItsContentTypeFinding) {
  const test::TempDir dir;
  const fs::path schemas = fs::path(dir.path()) / "schemas";
  fs::create_directories(schemas);
  fs::copy(fs::path(CONFORM_TESTS_DIR) / "data/vendors/acme", schemas / "acme",
           fs::copy_options::recursive);
  for (const char* file : {"manifest.schema.json", "mock.schema.json"}) {
    fs::copy_file(fs::path(CONFORM_SCHEMAS_DIR) / file, schemas / file);
  }
  std::string manifest = test::read_file(schemas / "acme" / "vendor.json");
  const std::string from = R"("request": ["application/json", "application/merge-patch+json"])";
  const auto at = manifest.find(from);
  ASSERT_NE(at, std::string::npos);
  manifest.replace(at, from.size(), R"("request": ["application/x-www-form-urlencoded"])");
  std::ofstream(schemas / "acme" / "vendor.json", std::ios::trunc) << manifest;

  const auto catalog = Catalog::load(schemas);
  const Manifest& acme = *catalog->find("acme");
  const MessageSpec& request = *catalog->message(acme, MessageId{});
  const std::string valid = test::read_file(fs::path(CONFORM_TESTS_DIR) /
                                            "data/vendors/acme/examples/request.valid.rename.json");
  const PayloadResult result = BulkCheck(*catalog, acme, request, {}).check(valid, Format::json);
  EXPECT_FALSE(result.valid);
  ASSERT_FALSE(result.findings.empty());
  EXPECT_EQ(result.findings.front().keyword, "content-type");
}

TEST(BulkCheck, ASchemaOfTheCallersOwnGetsWhatCheckPayloadGives) {
  schema::SchemaRegistry registry;
  rapidjson::Document own;
  own.Parse(R"({"type": "object", "properties": {"n": {"type": "integer", "maximum": 3}},
                "required": ["n"]})");
  ASSERT_FALSE(own.HasParseError());
  const auto schema = registry.load_value(own, "mem://own.json");
  for (const bool strict : {false, true}) {
    CheckOptions options;
    options.strict = strict;
    const BulkCheck bulk(schema, options);
    for (const std::string bytes : {"{\"n\": 1}", "{\"n\": 4}", "{}", "{\"n\": 1, \"m\": 2}",
                                    "{\"n\": 1", "<n>1</n>", "n=1"}) {
      for (const auto& format : kDeclaredFormats) {
        CheckOptions declared = options;
        declared.format = format;
        EXPECT_EQ(describe_with_xpath(bulk.check(bytes, format)),
                  describe_with_xpath(check_payload(bytes, *schema, nullptr, declared)))
            << bytes;
      }
    }
  }
}

}  // namespace
}  // namespace conform::contracts
