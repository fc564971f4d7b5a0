// Round trips over the vendors' examples: json -> xml -> json and json -> form -> json give
// back the same value, for every valid JSON example of every message that has XML rules
// (and every valid maiascore request for forms, the one vendor that takes them).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "codec/decode.hpp"
#include "codec/encode.hpp"
#include "codec/xml_rules.hpp"
#include "codec_test_support.hpp"

namespace conform::codec {
namespace {

EncodeOptions options_for(Format format) {
  EncodeOptions options;
  options.format = format;
  return options;
}

namespace fs = std::filesystem;
using testing::load_json;
using testing::read_bytes;
using testing::schemas_dir;
using testing::to_json;

struct Message {
  std::string vendor;
  std::string name;  // file stem: "request", "response-200"
};

const std::vector<Message>& xml_messages() {
  static const std::vector<Message> messages = {
      {"msp360", "request"},
      {"formsonfire", "request"},
      {"formsonfire", "response-200"},
      {"maiascore", "request"},
  };
  return messages;
}

std::vector<fs::path> valid_json_examples(const Message& m) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(schemas_dir() / m.vendor / "examples")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(m.name + ".valid.", 0) == 0 && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  return files;
}

TEST(RoundTrip, JsonToXmlToJsonForEveryValidExample) {
  int checked = 0;
  for (const Message& m : xml_messages()) {
    const auto schema = load_json(schemas_dir() / m.vendor / (m.name + ".schema.json"));
    const XmlRules rules = XmlRules::load(schemas_dir() / m.vendor / (m.name + ".xml-rules.json"));
    for (const fs::path& file : valid_json_examples(m)) {
      SCOPED_TRACE(file.string());
      const auto value = load_json(file);
      EncodeOptions to_xml;
      to_xml.format = Format::xml;
      to_xml.schema = schema.get();
      to_xml.xml_rules = &rules;
      const Encoded xml = encode(*value, to_xml);
      ASSERT_TRUE(xml.ok);
      EXPECT_TRUE(xml.findings.empty());
      DecodeOptions from_xml;
      from_xml.format = Format::xml;
      from_xml.schema = schema.get();
      from_xml.xml_rules = &rules;
      const Decoded back = decode(xml.bytes, from_xml);
      ASSERT_TRUE(back.ok) << xml.bytes;
      EXPECT_TRUE(back.findings.empty()) << back.findings.front().message << "\n" << xml.bytes;
      EXPECT_TRUE(back.value == *value) << to_json(back.value) << "\n" << to_json(*value);
      ++checked;
    }
  }
  EXPECT_GE(checked, 10);
}

TEST(RoundTrip, JsonToFormToJsonForEveryValidMaiascoreRequest) {
  const Message m{"maiascore", "request"};
  const auto schema = load_json(schemas_dir() / m.vendor / "request.schema.json");
  int checked = 0;
  for (const fs::path& file : valid_json_examples(m)) {
    SCOPED_TRACE(file.string());
    const auto value = load_json(file);
    const Encoded form = encode(*value, options_for(Format::form));
    ASSERT_TRUE(form.ok);
    EXPECT_TRUE(form.findings.empty());
    DecodeOptions from_form;
    from_form.format = Format::form;
    from_form.schema = schema.get();
    const Decoded back = decode(form.bytes, from_form);
    EXPECT_TRUE(back.findings.empty()) << back.findings.front().message;
    EXPECT_TRUE(back.value == *value) << form.bytes << "\n" << to_json(back.value);
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

// The XML and form examples themselves: decoding then encoding then decoding again is
// stable (what conform writes, it reads back as the same value).
TEST(RoundTrip, XmlAndFormExamplesReadBackTheSame) {
  int checked = 0;
  for (const Message& m : xml_messages()) {
    const auto schema = load_json(schemas_dir() / m.vendor / (m.name + ".schema.json"));
    const XmlRules rules = XmlRules::load(schemas_dir() / m.vendor / (m.name + ".xml-rules.json"));
    for (const auto& entry : fs::directory_iterator(schemas_dir() / m.vendor / "examples")) {
      const std::string name = entry.path().filename().string();
      const std::string ext = entry.path().extension().string();
      if (name.rfind(m.name + ".", 0) != 0 || (ext != ".xml" && ext != ".form")) continue;
      SCOPED_TRACE(name);
      DecodeOptions options;
      options.format = ext == ".xml" ? Format::xml : Format::form;
      options.schema = schema.get();
      options.xml_rules = &rules;
      const Decoded first = decode(read_bytes(entry.path()), options);
      if (!first.ok) continue;  // examples that are not readable at all
      EncodeOptions out;
      out.format = options.format;
      out.schema = schema.get();
      out.xml_rules = &rules;
      const Encoded encoded = encode(first.value, out);
      if (!encoded.ok || !encoded.findings.empty()) continue;
      const Decoded second = decode(encoded.bytes, options);
      EXPECT_TRUE(second.value == first.value) << encoded.bytes;
      ++checked;
    }
  }
  EXPECT_GE(checked, 1);
}

}  // namespace
}  // namespace conform::codec
