// Every example payload in schemas/*/examples/ gets the verdict its name promises:
// <message>.<valid|invalid>.<reason>.<json|xml|form>, and an invalid one fails for the reason
// schemas/<vendor>/examples/expected.json states.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "codec/decode.hpp"
#include "contracts/catalog.hpp"
#include "support/files.hpp"

namespace conform::contracts {
namespace {
namespace fs = std::filesystem;

struct Example {
  std::string vendor;
  fs::path file;
  std::string message;  // "request", "response:200"
  bool valid = false;
  std::optional<Format> format;
};

// ctest shows the example's file, not the parameter's bytes.
void PrintTo(const Example& example, std::ostream* out) { *out << example.file.string(); }

std::vector<Example> all_examples() {
  std::vector<Example> out;
  for (const auto& dir : fs::directory_iterator(CONFORM_SCHEMAS_DIR)) {
    const fs::path examples = dir.path() / "examples";
    if (!fs::is_directory(examples)) continue;
    for (const auto& entry : fs::directory_iterator(examples)) {
      const std::string name = entry.path().filename().string();
      if (name == "expected.json") continue;
      Example e;
      e.vendor = dir.path().filename().string();
      e.file = entry.path();
      const auto first_dot = name.find('.');
      std::string message = name.substr(0, first_dot);
      if (message.rfind("response-", 0) == 0) message = "response:" + message.substr(9);
      e.message = message;
      const auto second_dot = name.find('.', first_dot + 1);
      const std::string verdict = name.substr(first_dot + 1, second_dot - first_dot - 1);
      e.valid = verdict == "valid";
      EXPECT_TRUE(verdict == "valid" || verdict == "invalid") << name;
      const std::string ext = entry.path().extension().string();
      e.format = ext == ".xml" ? Format::xml : ext == ".form" ? Format::form : Format::json;
      out.push_back(e);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Example& a, const Example& b) { return a.file < b.file; });
  return out;
}

using conform::test::read_file;

class Examples : public ::testing::TestWithParam<Example> {
 protected:
  static void SetUpTestSuite() { catalog_ = Catalog::load(CONFORM_SCHEMAS_DIR); }
  static std::shared_ptr<Catalog> catalog_;
};
std::shared_ptr<Catalog> Examples::catalog_;

TEST_P(Examples, GetTheVerdictTheirNamePromises) {
  const Example& e = GetParam();
  const Manifest* vendor = catalog_->find(e.vendor);
  ASSERT_NE(vendor, nullptr) << e.vendor;
  const auto id = parse_message_id(e.message);
  ASSERT_TRUE(id) << e.file;
  const MessageSpec* message = catalog_->message(*vendor, *id);
  ASSERT_NE(message, nullptr) << e.file << ": " << e.message << " is not documented";
  CheckOptions options;
  options.format = e.format;
  const PayloadResult result = catalog_->check(*vendor, *message, read_file(e.file), options);

  std::string rendered;
  for (const auto& f : result.findings) {
    rendered += "  " + f.pointer + " [" + f.keyword + "] " + f.message + "\n";
  }
  EXPECT_EQ(result.valid, e.valid) << e.file << "\n" << rendered;
  if (e.valid) return;

  // The reason stated in expected.json is among the findings.
  const std::string expected_text = read_file(e.file.parent_path() / "expected.json");
  rapidjson::Document expected;
  expected.Parse(expected_text.c_str());
  ASSERT_FALSE(expected.HasParseError()) << "expected.json of " << e.vendor;
  const auto entry = expected.FindMember(e.file.filename().string().c_str());
  ASSERT_NE(entry, expected.MemberEnd())
      << e.file.filename() << " has no entry in " << e.vendor << "/examples/expected.json";
  const std::string pointer = entry->value["pointer"].GetString();
  const std::string keyword = entry->value["keyword"].GetString();
  const bool found =
      std::any_of(result.findings.begin(), result.findings.end(), [&](const Finding& f) {
        return f.keyword == keyword && (keyword == "syntax" || f.pointer == pointer);
      });
  EXPECT_TRUE(found) << e.file << " should fail with [" << keyword << "] at \"" << pointer
                     << "\"; it gave:\n"
                     << rendered;
}

INSTANTIATE_TEST_SUITE_P(All, Examples, ::testing::ValuesIn(all_examples()),
                         [](const ::testing::TestParamInfo<Example>& p) {
                           std::string name =
                               p.param.vendor + "_" + p.param.file.filename().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(Examples, EveryVendorHasValidAndInvalidExamplesForEveryMessage) {
  const auto catalog = Catalog::load(CONFORM_SCHEMAS_DIR);
  const auto examples = all_examples();
  for (const auto& vendor : catalog->vendors()) {
    for (const auto& message : vendor.messages) {
      const std::string name = message.id.name();
      const auto count = [&](bool valid) {
        return std::count_if(examples.begin(), examples.end(), [&](const Example& e) {
          return e.vendor == vendor.id && e.message == name && e.valid == valid;
        });
      };
      EXPECT_GE(count(true), 1) << vendor.id << " " << name << " has no valid example";
      if (message.id.kind == MessageId::Kind::request) {
        EXPECT_GE(count(false), 6) << vendor.id << " request needs 6 invalid examples";
      }
    }
  }
}

}  // namespace
}  // namespace conform::contracts
