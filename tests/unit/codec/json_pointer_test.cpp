#include "codec/json_pointer.hpp"

#include <gtest/gtest.h>

#include "codec/json_text.hpp"

namespace conform::codec {
namespace {

TEST(ResolvePointer, FollowsMembersAndItemsAsRfc6901Says) {
  rapidjson::Document doc;
  doc.Parse(R"({"tags":{"a/b":"x","":1,"m~n":2},"list":[1,2]})");
  ASSERT_FALSE(doc.HasParseError());
  EXPECT_EQ(resolve_pointer(doc, ""), &doc);
  EXPECT_EQ(to_plain_text(*resolve_pointer(doc, "/tags/a~1b")), "x");
  EXPECT_EQ(to_plain_text(*resolve_pointer(doc, "/tags/")), "1");
  EXPECT_EQ(to_plain_text(*resolve_pointer(doc, "/tags/m~0n")), "2");
  EXPECT_EQ(to_plain_text(*resolve_pointer(doc, "/list/1")), "2");
  EXPECT_EQ(resolve_pointer(doc, "/list/2"), nullptr);
  EXPECT_EQ(resolve_pointer(doc, "/list/01"), nullptr);
  EXPECT_EQ(resolve_pointer(doc, "/list/-"), nullptr);
  EXPECT_EQ(resolve_pointer(doc, "/nope"), nullptr);
  EXPECT_EQ(resolve_pointer(doc, "/tags/a~2"), nullptr);
  EXPECT_EQ(resolve_pointer(doc, "tags"), nullptr);
  EXPECT_EQ(resolve_pointer(doc, "/list/0/deeper"), nullptr);
}

TEST(JsonText, CompactTextRepairedUtf8AndPlainStrings) {
  rapidjson::Document doc;
  doc.Parse(R"({"a":[1,"x"]})");
  EXPECT_EQ(to_json_text(doc), R"({"a":[1,"x"]})");
  EXPECT_EQ(to_plain_text(doc["a"][1]), "x");
  EXPECT_EQ(to_plain_text(doc["a"]), R"([1,"x"])");
  rapidjson::Value bad("\xFFok", doc.GetAllocator());
  EXPECT_EQ(to_utf8_json_text(bad), "\"\xEF\xBF\xBDok\"");
}

}  // namespace
}  // namespace conform::codec
