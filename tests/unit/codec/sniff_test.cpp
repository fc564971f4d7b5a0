// sniff: what bytes look like, and the one finding when they contradict their declaration.
#include "codec/sniff.hpp"

#include <gtest/gtest.h>

namespace conform::codec {
namespace {

TEST(Sniff, RecognisesEachKind) {
  EXPECT_EQ(sniff(""), Sniffed::empty);
  EXPECT_EQ(sniff(" \r\n"), Sniffed::empty);
  EXPECT_EQ(sniff("\xEF\xBB\xBF {\"a\":1}"), Sniffed::json);
  EXPECT_EQ(sniff("[1]"), Sniffed::json);
  EXPECT_EQ(sniff("\n<?xml version=\"1.0\"?><a/>"), Sniffed::xml);
  EXPECT_EQ(sniff("a=1&b=x+y&tags[k]=%20"), Sniffed::form);
  EXPECT_EQ(sniff("reports=a\n"), Sniffed::form);
  EXPECT_EQ(sniff(std::string_view("a\0b", 3)), Sniffed::binary);
  EXPECT_EQ(sniff("\xFF\xD8\xFF\xE0"), Sniffed::binary);
  EXPECT_EQ(sniff("hello world"), Sniffed::text);
  EXPECT_EQ(sniff("=x"), Sniffed::text);
}

TEST(Sniff, MismatchIsOneFindingInPlainWords) {
  const auto f = format_mismatch("{\"a\": 1}", Format::form);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->keyword, "content-type");
  EXPECT_EQ(f->message, "the body is JSON but was declared application/x-www-form-urlencoded");
  EXPECT_EQ(f->actual, "json");
  EXPECT_EQ(format_mismatch("a=1", Format::json, "text/json")->message,
            "the body is form-urlencoded (key=value&...) but was declared text/json");
  EXPECT_FALSE(format_mismatch("<a/>", Format::xml));
  EXPECT_FALSE(format_mismatch("hello", Format::json));  // the JSON reader explains
}

}  // namespace
}  // namespace conform::codec
