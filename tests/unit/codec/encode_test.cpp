// encode: JSON values written as XML and forms by the same rules decode reads them with.
#include "codec/encode.hpp"

#include <gtest/gtest.h>

#include "codec/decode.hpp"
#include "codec/xml_rules.hpp"
#include "codec_test_support.hpp"

namespace conform::codec {
namespace {

EncodeOptions options_for(Format format) {
  EncodeOptions options;
  options.format = format;
  return options;
}

using testing::load_json;
using testing::parse;
using testing::schemas_dir;
using testing::to_json;

TEST(EncodeXml, Msp360LooksLikeTheDataContractSerializer) {
  const auto schema = load_json(schemas_dir() / "msp360" / "request.schema.json");
  const XmlRules rules = XmlRules::load(schemas_dir() / "msp360" / "request.xml-rules.json");
  const auto value = parse(
      R"({"ID": "9d6de082-741c-44fe-b067-1a36eb03fa40", "Enabled": false,
          "NotificationEmails": ["a@example.com", "b@example.com"],
          "LicenseManagmentMode": 1, "Company": "A & B <C>"})");
  EncodeOptions options;
  options.format = Format::xml;
  options.schema = schema.get();
  options.xml_rules = &rules;
  const Encoded e = encode(*value, options);
  ASSERT_TRUE(e.ok);
  EXPECT_TRUE(e.findings.empty());
  EXPECT_EQ(e.bytes,
            "<UsersEditModels "
            "xmlns=\"http://schemas.datacontract.org/2004/07/MBSAPImvc.Engine.Models\">\n"
            "  <Company>A &amp; B &lt;C&gt;</Company>\n"
            "  <Enabled>false</Enabled>\n"
            "  <ID>9d6de082-741c-44fe-b067-1a36eb03fa40</ID>\n"
            "  <LicenseManagmentMode>Automatic</LicenseManagmentMode>\n"
            "  <NotificationEmails "
            "xmlns:d2p1=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\">\n"
            "    <d2p1:string>a@example.com</d2p1:string>\n"
            "    <d2p1:string>b@example.com</d2p1:string>\n"
            "  </NotificationEmails>\n"
            "</UsersEditModels>\n");
}

TEST(EncodeXml, NullIsXsiNilAndRepeatedListsRepeat) {
  const auto schema = load_json(schemas_dir() / "maiascore" / "request.schema.json");
  const XmlRules rules = XmlRules::load(schemas_dir() / "maiascore" / "request.xml-rules.json");
  EncodeOptions options;
  options.format = Format::xml;
  options.schema = schema.get();
  options.xml_rules = &rules;
  const Encoded e = encode(
      *parse(R"({"role": null, "reports": ["maia-1", "maia-2"], "confirmed": true})"), options);
  EXPECT_EQ(e.bytes,
            "<item xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
            "  <role i:nil=\"true\"/>\n"
            "  <reports>maia-1</reports>\n"
            "  <reports>maia-2</reports>\n"
            "  <confirmed>true</confirmed>\n"
            "</item>\n");
  const Encoded empty = encode(*parse(R"({"reports": []})"), options);
  ASSERT_EQ(empty.findings.size(), 1u);
  EXPECT_EQ(empty.findings[0].severity, Severity::warning);
  EXPECT_EQ(empty.findings[0].pointer, "/reports");
}

TEST(EncodeXml, NamesThatAreNotXmlAreErrors) {
  const Encoded e = encode(*parse(R"({"two words": 1})"), options_for(Format::xml));
  EXPECT_FALSE(e.ok);
  ASSERT_EQ(e.findings.size(), 1u);
  EXPECT_EQ(e.findings[0].pointer, "/two words");
}

TEST(EncodeForm, PairsBracketsAndEscapes) {
  const Encoded e =
      encode(*parse(R"({"username": "j lopez", "email": "a@b.c", "confirmed": false, "n": 1.5,
                 "reports": ["maia-1", "maia-2"], "tags": {"k": "v&w"}, "none": [],
                 "gone": null})"),
             options_for(Format::form));
  EXPECT_TRUE(e.ok);
  EXPECT_EQ(e.bytes,
            "username=j+lopez&email=a%40b.c&confirmed=false&n=1.5&reports=maia-1&"
            "reports=maia-2&tags[k]=v%26w&none[]");
  ASSERT_EQ(e.findings.size(), 1u);  // null has no form encoding
  EXPECT_EQ(e.findings[0].severity, Severity::warning);
  EXPECT_FALSE(encode(*parse(R"({"m": [{"Key": "a"}]})"), options_for(Format::form)).ok);
}

TEST(EncodeJson, IndentedTwoSpaces) {
  EXPECT_EQ(encode(*parse(R"({"a":[1]})"), EncodeOptions{}).bytes,
            "{\n  \"a\": [\n    1\n  ]\n}\n");
}

}  // namespace
}  // namespace conform::codec
