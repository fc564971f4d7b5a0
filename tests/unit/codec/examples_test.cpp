// The XML and form examples in schemas/*/examples: each gets from the codec the verdict its
// name and expected.json promise. Codec keywords (xml-*, form-*, syntax, content-type) are
// checked here with their position; schema keywords need a clean decode, and the schema
// then decides (the vendor tests validate them).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "codec/decode.hpp"
#include "codec/xml_rules.hpp"
#include "codec_test_support.hpp"

namespace conform::codec {
namespace {

namespace fs = std::filesystem;
using testing::load_json;
using testing::read_bytes;
using testing::schemas_dir;

bool is_codec_keyword(const std::string& keyword) {
  return keyword.rfind("xml-", 0) == 0 || keyword.rfind("form-", 0) == 0 || keyword == "syntax" ||
         keyword == "content-type" || keyword == "encoding";
}

std::string describe(const Findings& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += f.keyword + " " + f.pointer + " " + std::to_string(f.line) + ":" +
           std::to_string(f.column) + " " + f.message + "\n";
  }
  return out;
}

TEST(Examples, EveryXmlAndFormExampleGetsItsCodecVerdict) {
  int checked = 0;
  for (const char* vendor : {"msp360", "formsonfire", "maiascore"}) {
    const fs::path dir = schemas_dir() / vendor / "examples";
    const auto expected = load_json(dir / "expected.json");
    const auto manifest = load_json(schemas_dir() / vendor / "vendor.json");
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      const std::string ext = entry.path().extension().string();
      if (ext != ".xml" && ext != ".form") continue;
      SCOPED_TRACE(std::string(vendor) + "/" + name);
      const std::string message = name.substr(0, name.find('.'));
      const bool valid = name.find(".valid.") != std::string::npos;
      const auto schema = load_json(schemas_dir() / vendor / (message + ".schema.json"));
      DecodeOptions options;
      options.format = ext == ".xml" ? Format::xml : Format::form;
      options.schema = schema.get();
      XmlRules rules;
      // The manifest names the message's rules file ("response-401" is "response:401"),
      // which several messages may share (formsonfire's errors.xml-rules.json).
      std::string id = message;
      if (id.rfind("response-", 0) == 0) id = "response:" + id.substr(9);
      const rapidjson::Value& spec = (*manifest)["messages"][id.c_str()];
      const fs::path rules_file =
          schemas_dir() / vendor /
          (spec.HasMember("xml_rules") ? spec["xml_rules"].GetString() : "none.xml-rules.json");
      if (options.format == Format::xml) {
        ASSERT_TRUE(fs::exists(rules_file));
        rules = XmlRules::load(rules_file);
        options.xml_rules = &rules;
      }
      const Decoded d = decode(read_bytes(entry.path()), options);
      ++checked;
      if (valid) {
        EXPECT_TRUE(d.ok);
        EXPECT_TRUE(d.findings.empty()) << describe(d.findings);
        continue;
      }
      ASSERT_TRUE(expected->HasMember(name.c_str())) << "no expected.json entry";
      const rapidjson::Value& want = (*expected)[name.c_str()];
      const std::string keyword = want["keyword"].GetString();
      const std::string pointer = want["pointer"].GetString();
      if (!is_codec_keyword(keyword)) {
        EXPECT_TRUE(d.ok);
        EXPECT_FALSE(has_errors(d.findings)) << describe(d.findings);
        continue;
      }
      bool found = false;
      for (const Finding& f : d.findings) {
        if (f.keyword != keyword || f.pointer != pointer) continue;
        found = true;
        if (want.HasMember("line")) {
          EXPECT_EQ(f.line, want["line"].GetInt());
        }
        if (want.HasMember("column")) {
          EXPECT_EQ(f.column, want["column"].GetInt());
        }
      }
      EXPECT_TRUE(found) << "want " << keyword << " at \"" << pointer << "\"; got\n"
                         << describe(d.findings);
    }
  }
  EXPECT_GE(checked, 30);
}

}  // namespace
}  // namespace conform::codec
