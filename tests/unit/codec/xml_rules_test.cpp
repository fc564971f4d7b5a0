// XmlRules::load: every vendor rules file loads; a broken one names file, position, field.
#include "codec/xml_rules.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "codec_test_support.hpp"

namespace conform::codec {
namespace {

using testing::schemas_dir;

std::string error_of(std::string_view text) {
  try {
    XmlRules::parse(text, "r.xml-rules.json");
  } catch (const XmlRulesError& e) {
    return e.what();
  }
  return "no error";
}

TEST(XmlRules, EveryVendorRulesFileLoads) {
  int count = 0;
  for (const auto& vendor : std::filesystem::directory_iterator(schemas_dir())) {
    if (!vendor.is_directory()) continue;
    for (const auto& file : std::filesystem::directory_iterator(vendor.path())) {
      const std::string name = file.path().filename().string();
      if (name.size() < 15 || name.substr(name.size() - 15) != ".xml-rules.json") continue;
      EXPECT_NO_THROW(XmlRules::load(file.path())) << file.path();
      ++count;
    }
  }
  EXPECT_GE(count, 4);
}

TEST(XmlRules, Msp360RulesSayWhatTheSeedSays) {
  const XmlRules rules = XmlRules::load(schemas_dir() / "msp360" / "request.xml-rules.json");
  EXPECT_EQ(rules.root().name, "UsersEditModels");
  ASSERT_TRUE(rules.root().ns);
  EXPECT_EQ(rules.root().ns->uri,
            "http://schemas.datacontract.org/2004/07/MBSAPImvc.Engine.Models");
  EXPECT_EQ(rules.root().order, ChildOrder::alphabetical);
  const ElementRule& emails = rules.root().properties.at("NotificationEmails");
  ASSERT_TRUE(emails.list);
  EXPECT_EQ(emails.list->encoding, ListRule::Encoding::wrapped);
  EXPECT_EQ(emails.list->item, "string");
  EXPECT_EQ(rules.root().properties.at("LicenseManagmentMode").enum_names.size(), 2u);
}

TEST(XmlRules, ErrorsNameFilePositionAndField) {
  EXPECT_EQ(error_of("{\"order\": \"any\"}"),
            "r.xml-rules.json:1:1: /: missing member \"root\" (the root element's name)");
  EXPECT_EQ(error_of("{\"root\": \"a\",\n \"order\": \"sorted\"}"),
            "r.xml-rules.json:2:11: /order: must be \"alphabetical\", \"any\" or an array of "
            "element names, not \"sorted\"");
  EXPECT_EQ(error_of("{\"root\": \"a\", \"order\": \"any\",\n \"properties\": {\"L\": {\"list\": "
                     "{\"encoding\": \"wrapped\"}}}}"),
            "r.xml-rules.json:2:31: /properties/L/list: a wrapped list needs \"item\", the item "
            "element's name");
  EXPECT_EQ(error_of("{\"root\": \"a\", \"order\": \"any\", \"colour\": 1}"),
            "r.xml-rules.json:1:41: /colour: unknown member \"colour\" (allowed: $schema, "
            "$comment, description, root, namespace, order, nil, unknown_elements, attributes, "
            "booleans, lists, properties, items)");
  EXPECT_EQ(error_of("{\"root\": "), "r.xml-rules.json:1:10: invalid value: not JSON");
  EXPECT_EQ(error_of("{\"root\": \"a\", \"order\": \"any\", \"properties\": {\"M\": "
                     "{\"enum_names\": {\"x\": [1]}}}}"),
            "r.xml-rules.json:1:72: /properties/M/enum_names/x: must be a string, number, boolean "
            "or null");
}

TEST(XmlRules, MissingFile) {
  EXPECT_THROW(XmlRules::load(schemas_dir() / "nope.xml-rules.json"), XmlRulesError);
}

}  // namespace
}  // namespace conform::codec
