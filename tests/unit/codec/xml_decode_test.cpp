// XML decoding by rules and schema types: values, XPaths, positions and XML findings.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "codec/decode.hpp"
#include "codec/xml_rules.hpp"
#include "codec_test_support.hpp"

namespace conform::codec {
namespace {

using testing::load_json;
using testing::parse;
using testing::read_bytes;
using testing::schemas_dir;
using testing::to_json;

class Msp360Xml : public ::testing::Test {
 protected:
  Decoded decode_xml(std::string_view bytes, Limits limits = {}) {
    DecodeOptions options;
    options.format = Format::xml;
    options.schema = schema_.get();
    options.xml_rules = &rules_;
    options.limits = limits;
    return decode(bytes, options);
  }

  std::shared_ptr<rapidjson::Document> schema_ =
      load_json(schemas_dir() / "msp360" / "request.schema.json");
  XmlRules rules_ = XmlRules::load(schemas_dir() / "msp360" / "request.xml-rules.json");
};

const char* const kNamespaces =
    "xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xmlns=\"http://schemas.datacontract.org/2004/07/MBSAPImvc.Engine.Models\"";

std::string msp360(const std::string& children) {
  return std::string("<UsersEditModels ") + kNamespaces + ">" + children + "</UsersEditModels>";
}

// The seed's XML sample is read into the same value as its JSON sample. Its values are
// placeholders ("sample string 1" for a GUID and for emails), so the XML is well-formed
// and follows every XML rule (no codec finding), and the schema then rejects it: /ID
// fails "pattern" (not a dashed GUID), /Email and /NotificationEmails/0 and /1 fail
// "format" (not emails). examples/expected.json records the earliest in the payload:
// /Email, which the alphabetical XML writes before ID.
TEST_F(Msp360Xml, SeedSampleReadsLikeItsJsonTwin) {
  const std::string bytes =
      read_bytes(schemas_dir() / "msp360" / "examples" / "request.invalid.seed-sample.xml");
  const Decoded d = decode_xml(bytes);
  ASSERT_TRUE(d.ok);
  EXPECT_TRUE(d.findings.empty()) << d.findings.front().message;
  EXPECT_EQ(to_json(d.value),
            R"({"Company":"sample string 5","Email":"sample string 2","Enabled":true,)"
            R"("FirstName":"sample string 3","ID":"sample string 1","LastName":"sample string 4",)"
            R"("LicenseManagmentMode":0,"NotificationEmails":["sample string 1",)"
            R"("sample string 2"],"Password":"sample string 7"})");
  const Location second = d.source_map->locate("/NotificationEmails/1");
  EXPECT_EQ(second.xpath, "/UsersEditModels/NotificationEmails/string[2]");
  EXPECT_EQ(second.line, 1);
  EXPECT_EQ(second.column, static_cast<int>(bytes.find("<d2p1:string>sample string 2")) + 1);
  EXPECT_EQ(d.source_map->locate("/ID").xpath, "/UsersEditModels/ID");
  // A missing member points at its parent.
  EXPECT_EQ(d.source_map->locate("/Nope").xpath, "/UsersEditModels");
}

TEST_F(Msp360Xml, OutOfOrderNamesTheElementAndWhereItBelongs) {
  const Decoded d = decode_xml(
      msp360("\n  <Email>a@example.com</Email>\n  <Enabled>true</Enabled>\n"
             "  <Company>Acme</Company>\n  <ID>9d6de082-741c-44fe-b067-1a36eb03fa40</ID>\n"));
  ASSERT_TRUE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  const Finding& f = d.findings[0];
  EXPECT_EQ(f.keyword, "xml-order");
  EXPECT_EQ(f.pointer, "/Company");
  EXPECT_EQ(f.xpath, "/UsersEditModels/Company");
  EXPECT_EQ(f.line, 4);
  EXPECT_EQ(f.column, 3);
  EXPECT_EQ(f.message, "<Company> is out of order: alphabetical order puts it before <Email>");
  EXPECT_STREQ(d.value["Company"].GetString(), "Acme");  // still decoded
}

TEST_F(Msp360Xml, OrderIsOrdinalLikeTheSerializer) {
  // 'I' (0x49) sorts before 'L' and after 'F'; "ID" before "LastName".
  const Decoded d = decode_xml(msp360("<FirstName>a</FirstName><ID>x</ID><LastName>b</LastName>"));
  EXPECT_TRUE(d.findings.empty());
}

TEST_F(Msp360Xml, WrongRootAndWrongNamespace) {
  const Decoded root = decode_xml("<UserEditModel><ID>x</ID></UserEditModel>");
  EXPECT_FALSE(root.ok);
  ASSERT_EQ(root.findings.size(), 1u);
  EXPECT_EQ(root.findings[0].keyword, "xml-root");
  EXPECT_EQ(root.findings[0].message,
            "the root element is <UserEditModel>, expected <UsersEditModels>");

  const Decoded ns = decode_xml("<UsersEditModels><ID>x</ID></UsersEditModels>");
  ASSERT_TRUE(ns.ok);
  ASSERT_EQ(ns.findings.size(), 1u);  // its children share the root's mistake: said once
  EXPECT_EQ(ns.findings[0].keyword, "xml-namespace");
  EXPECT_EQ(ns.findings[0].xpath, "/UsersEditModels");
  EXPECT_EQ(ns.findings[0].message,
            "<UsersEditModels> is in no namespace but must be in "
            "\"http://schemas.datacontract.org/2004/07/MBSAPImvc.Engine.Models\"");
}

TEST_F(Msp360Xml, ListItemsMustBeInTheArraysNamespace) {
  const Decoded d =
      decode_xml(msp360("<NotificationEmails><string>a@example.com</string></NotificationEmails>"));
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].keyword, "xml-namespace");
  EXPECT_EQ(d.findings[0].pointer, "/NotificationEmails/0");
  EXPECT_EQ(d.findings[0].xpath, "/UsersEditModels/NotificationEmails/string");
}

// msp360 is a .NET data-contract service: its booleans are xs:boolean (true, false, 1, 0).
// Regression: 1 and 0 were refused; "True" still is.
TEST_F(Msp360Xml, BooleansAreXsBooleans) {
  for (const char* bad : {"True", "yes", "2", "01", "-0", " "}) {
    const Decoded d = decode_xml(msp360(std::string("<Enabled>") + bad + "</Enabled>"));
    ASSERT_EQ(d.findings.size(), 1u) << bad;
    EXPECT_EQ(d.findings[0].keyword, "xml-boolean");
    EXPECT_EQ(d.findings[0].pointer, "/Enabled");
    EXPECT_EQ(d.findings[0].expected, "true, false, 1 or 0");
  }
  for (const auto& [text, value] : std::vector<std::pair<const char*, bool>>{
           {"true", true}, {"false", false}, {"1", true}, {"0", false}}) {
    const Decoded d = decode_xml(msp360(std::string("<Enabled>") + text + "</Enabled>"));
    EXPECT_TRUE(d.findings.empty()) << text;
    EXPECT_EQ(d.value["Enabled"].GetBool(), value) << text;
  }
}

// Forms On Fire too (request and response); Maia Score's XML keeps true and false only.
TEST(XmlDecode, NumericBooleansComeFromTheRulesNotTheVendor) {
  for (const auto& [vendor, message, xml, numeric] :
       std::vector<std::tuple<const char*, const char*, const char*, bool>>{
           {"formsonfire", "request", "<User><DoNotEmail>1</DoNotEmail></User>", true},
           {"formsonfire", "request", "<User><UseNames>0</UseNames></User>", true},
           {"maiascore", "request", "<item><confirmed>1</confirmed></item>", false},
           {"maiascore", "request", "<item><blocked>0</blocked></item>", false}}) {
    const auto schema = load_json(schemas_dir() / vendor / (std::string(message) + ".schema.json"));
    const XmlRules rules =
        XmlRules::load(schemas_dir() / vendor / (std::string(message) + ".xml-rules.json"));
    EXPECT_EQ(rules.numeric_booleans(), numeric) << vendor;
    DecodeOptions options;
    options.format = Format::xml;
    options.schema = schema.get();
    options.xml_rules = &rules;
    const Decoded d = decode(xml, options);
    bool boolean_finding = false;
    for (const auto& f : d.findings) boolean_finding |= f.keyword == "xml-boolean";
    EXPECT_EQ(boolean_finding, !numeric) << vendor << " " << xml;
  }
  const auto response =
      XmlRules::load(schemas_dir() / "formsonfire" / "response-200.xml-rules.json");
  EXPECT_TRUE(response.numeric_booleans());
}

TEST_F(Msp360Xml, EnumNamesStandForValues) {
  const Decoded ok = decode_xml(msp360("<LicenseManagmentMode>Automatic</LicenseManagmentMode>"));
  EXPECT_TRUE(ok.findings.empty());
  EXPECT_EQ(ok.value["LicenseManagmentMode"].GetInt(), 1);
  const Decoded number = decode_xml(msp360("<LicenseManagmentMode>1</LicenseManagmentMode>"));
  ASSERT_EQ(number.findings.size(), 1u);
  EXPECT_EQ(number.findings[0].keyword, "xml-enum");
  // The number of a name says which name to write.
  EXPECT_EQ(number.findings[0].message,
            "\"1\" is the number of Automatic; in XML this element takes the name: Automatic");
  EXPECT_EQ(number.findings[0].expected, "Automatic");
  const Decoded zero = decode_xml(msp360("<LicenseManagmentMode>0</LicenseManagmentMode>"));
  ASSERT_EQ(zero.findings.size(), 1u);
  EXPECT_EQ(zero.findings[0].expected, "Manual");
  const Decoded other = decode_xml(msp360("<LicenseManagmentMode>Auto</LicenseManagmentMode>"));
  ASSERT_EQ(other.findings.size(), 1u);
  EXPECT_EQ(other.findings[0].message,
            "\"Auto\" is not a name this element accepts (Manual, Automatic)");
}

TEST_F(Msp360Xml, SingleItemIsAOneItemArrayAndEmptyWrapperIsEmpty) {
  const Decoded one = decode_xml(msp360(
      "<NotificationEmails xmlns:a=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\">"
      "<a:string>x@example.com</a:string></NotificationEmails>"));
  EXPECT_TRUE(one.findings.empty());
  EXPECT_EQ(to_json(one.value), R"({"NotificationEmails":["x@example.com"]})");
  const Decoded none = decode_xml(msp360("<NotificationEmails/>"));
  EXPECT_EQ(to_json(none.value), R"({"NotificationEmails":[]})");
}

TEST_F(Msp360Xml, NilIsNull) {
  const Decoded d = decode_xml(msp360("<Company i:nil=\"true\"/>"));
  EXPECT_TRUE(d.findings.empty());
  EXPECT_TRUE(d.value["Company"].IsNull());
}

TEST_F(Msp360Xml, UnknownElementsAreKeptForTheSchemaToJudge) {
  // LicenseManagementMode (the table's spelling) would be dropped by the server; kept in
  // the value, the schema's additionalProperties reports it with "did you mean".
  const Decoded d = decode_xml(msp360("<LicenseManagementMode>Manual</LicenseManagementMode>"));
  EXPECT_TRUE(d.findings.empty());
  EXPECT_STREQ(d.value["LicenseManagementMode"].GetString(), "Manual");
}

TEST_F(Msp360Xml, AttributesMixedTextAndRepeatedScalars) {
  const Decoded d = decode_xml(
      msp360("oops<Company kind=\"x\">A</Company><Email>a@x.io</Email><Email>b@x.io</Email>"));
  ASSERT_EQ(d.findings.size(), 3u);
  EXPECT_EQ(d.findings[0].keyword, "xml-mixed-text");
  EXPECT_EQ(d.findings[0].actual, "oops");
  EXPECT_EQ(d.findings[1].keyword, "xml-attribute");
  EXPECT_EQ(d.findings[1].pointer, "/Company");
  EXPECT_EQ(d.findings[2].keyword, "xml-duplicate-element");
  EXPECT_EQ(d.findings[2].xpath, "/UsersEditModels/Email[2]");
}

TEST_F(Msp360Xml, EntitiesAreDecodedButNeverExpandedFromADtd) {
  const Decoded text = decode_xml(msp360("<Company>A &amp; B &#x263A; &lt;</Company>"));
  EXPECT_TRUE(text.findings.empty());
  EXPECT_STREQ(text.value["Company"].GetString(), "A & B \xE2\x98\xBA <");

  const Decoded undeclared = decode_xml(msp360("<Company>&lol9;</Company>"));
  ASSERT_EQ(undeclared.findings.size(), 1u);
  EXPECT_EQ(undeclared.findings[0].keyword, "xml-entity");
}

TEST_F(Msp360Xml, DoctypeIsRefused) {
  const std::string billion_laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
      " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n" +
      msp360("<Company>&lol2;</Company>");
  const Decoded d = decode_xml(billion_laughs);
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].keyword, "xml-doctype");
  EXPECT_EQ(d.findings[0].line, 2);

  const Decoded xxe = decode_xml("<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" +
                                 msp360("<Company>&xxe;</Company>"));
  EXPECT_FALSE(xxe.ok);
  EXPECT_EQ(xxe.findings.at(0).keyword, "xml-doctype");
}

TEST_F(Msp360Xml, NotWellFormed) {
  const Decoded d = decode_xml(msp360("\n<Company>A</Compan>"));
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].keyword, "syntax");
  EXPECT_EQ(d.findings[0].line, 2);
}

TEST_F(Msp360Xml, LimitsBoundDepthAndElementCount) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  const Decoded d = decode_xml(msp360("<Extra>" + deep + "</Extra>"));
  EXPECT_FALSE(d.ok);
  EXPECT_EQ(d.findings.back().keyword, "limit");

  Limits few;
  few.max_xml_elements = 3;
  const Decoded many = decode_xml(msp360("<Company>a</Company><Email>b</Email><ID>c</ID>"), few);
  EXPECT_FALSE(many.ok);
  EXPECT_EQ(many.findings.back().message, "more than 3 elements");
}

TEST_F(Msp360Xml, JsonDeclaredAsXmlSaysWhatItIs) {
  const Decoded d = decode_xml(R"({"ID": "x"})");
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].message, "the body is JSON but was declared application/xml");
}

TEST(XmlDecode, RepeatedListsByTheSchemaTypes) {
  const auto schema = load_json(schemas_dir() / "maiascore" / "request.schema.json");
  const XmlRules rules = XmlRules::load(schemas_dir() / "maiascore" / "request.xml-rules.json");
  DecodeOptions options;
  options.format = Format::xml;
  options.schema = schema.get();
  options.xml_rules = &rules;
  const Decoded one = decode(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<item><confirmed>false</confirmed>"
      "<reports>maia-c6cbaa76ba8f</reports><username>007</username></item>",
      options);
  EXPECT_TRUE(one.findings.empty());
  EXPECT_EQ(to_json(one.value),
            R"({"confirmed":false,"reports":["maia-c6cbaa76ba8f"],"username":"007"})");
  const Decoded two = decode(
      "<item><reports>a</reports><blocked>true</blocked><reports>b</reports></item>", options);
  EXPECT_EQ(to_json(two.value), R"({"reports":["a","b"],"blocked":true})");
  EXPECT_EQ(two.source_map->locate("/reports/1").xpath, "/item/reports[2]");
}

TEST(XmlDecode, WithoutRulesOrSchemaEverythingIsText) {
  DecodeOptions options;
  options.format = Format::xml;
  const Decoded d =
      decode("<anything><a>1</a><b><c>true</c></b><d>x</d><d>y</d></anything>", options);
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(to_json(d.value), R"({"a":"1","b":{"c":"true"},"d":["x","y"]})");
}

TEST(XmlDecode, CrossFileRefsGoThroughTheResolver) {
  const auto common = parse(R"({"definitions": {"flag": {"type": "boolean"}}})");
  const auto schema = parse(R"({"properties": {"on": {"$ref": "common.json#/definitions/flag"}}})");
  DecodeOptions options;
  options.format = Format::xml;
  options.schema = schema.get();
  options.resolver = [&](std::string_view uri) -> const rapidjson::Value* {
    return uri == "common.json" ? common.get() : nullptr;
  };
  EXPECT_EQ(to_json(decode("<r><on>true</on></r>", options).value), R"({"on":true})");
  options.resolver = nullptr;
  EXPECT_EQ(to_json(decode("<r><on>true</on></r>", options).value), R"({"on":"true"})");
}

}  // namespace
}  // namespace conform::codec

namespace conform::codec {
namespace {

TEST(XmlDecode, ByteOrderMarkAndDeclaredEncoding) {
  DecodeOptions options;
  options.format = Format::xml;
  const Decoded bom = decode("\xEF\xBB\xBF<r>\n<a>x</a>\n<b>1<c/></b></r>", options);
  ASSERT_TRUE(bom.ok);
  ASSERT_EQ(bom.findings.size(), 1u);  // <b> holds text and an element
  EXPECT_EQ(bom.findings[0].keyword, "xml-mixed-text");
  EXPECT_EQ(bom.findings[0].line, 3);
  EXPECT_EQ(bom.findings[0].column, 4);
  const Decoded latin1 =
      decode("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r><a>x</a></r>", options);
  ASSERT_EQ(latin1.findings.size(), 1u);
  EXPECT_EQ(latin1.findings[0].keyword, "encoding");
  EXPECT_EQ(latin1.findings[0].column, 1);
  const Decoded bad = decode("<r><a>\xC3(</a></r>", options);
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.findings.at(0).message,
            "invalid UTF-8: byte 0xC3 at byte offset 6 does not start a valid sequence");
}

}  // namespace
}  // namespace conform::codec
