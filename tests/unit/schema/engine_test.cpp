// Engine properties users rely on beyond single verdicts: linear-time patterns, the bundled
// metaschema, sharing one Schema between threads (no allocation on valid input:
// allocation/allocation_test.cpp).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "schema/ecma_regex.hpp"
#include "schema/formats.hpp"
#include "schema/schema.hpp"
#include "unit/schema/schema_test_support.hpp"

namespace conform::schema::testing {
namespace {

TEST(Engine, PatternOnAMegabyteStringIsLinear) {
  auto schema = compile(R"({"pattern": "^(a+)+$"})");
  std::string text(1 << 20, 'a');
  rapidjson::Document instance;
  instance.SetString(text.c_str(), static_cast<rapidjson::SizeType>(text.size()),
                     instance.GetAllocator());
  EXPECT_TRUE(schema->validate(instance, nullptr));
  text.back() = 'b';
  instance.SetString(text.c_str(), static_cast<rapidjson::SizeType>(text.size()),
                     instance.GetAllocator());
  Findings findings;
  EXPECT_FALSE(schema->validate(instance, &findings));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_LE(findings[0].message.size(), 200u);
}

TEST(Engine, EcmaRegexFeaturesAreTranslated) {
  auto schema = compile(R"({"pattern": "^\\d+\\s\\w+$"})");
  EXPECT_TRUE(schema->validate(json(R"("12\u00a0ab")"), nullptr));        // \s includes NBSP
  EXPECT_FALSE(schema->validate(json(R"("\u0661\u0662 ab")"), nullptr));  // \d is ASCII
  EXPECT_TRUE(
      compile(R"({"pattern": "^\\p{L}+$"})")->validate(json(R"("\u00e9t\u00e9")"), nullptr));
  std::string re2, error;
  EXPECT_FALSE(translate_ecma_regex("a(?<=b)", re2, error));
  EXPECT_FALSE(translate_ecma_regex("(a)\\1", re2, error));
}

TEST(Engine, BundledDraft07MetaschemaResolvesOffline) {
  auto meta = compile(R"({"$ref": "http://json-schema.org/draft-07/schema#"})");
  EXPECT_TRUE(meta->validate(json(R"({"type": "string", "minLength": 3})"), nullptr));
  Findings findings;
  EXPECT_FALSE(meta->validate(json(R"({"minLength": "3"})"), &findings));
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].pointer, "/minLength");
}

TEST(Engine, OneSchemaServesManyThreads) {
  auto schema =
      compile(R"({"type": "object", "properties": {"n": {"type": "integer", "maximum": 10}}})");
  auto good = json(R"({"n": 5})");
  auto bad = json(R"({"n": 50})");
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) {
        Findings findings;
        if (!schema->validate(good, nullptr) || schema->validate(bad, &findings) ||
            findings.size() != 1)
          ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(Engine, RegistryLoadsConcurrently) {
  TempDir dir;
  auto file = dir.write("a.json", R"({"type": "integer"})");
  SchemaRegistry registry;
  std::vector<std::shared_ptr<const Schema>> loaded(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] { loaded[t] = registry.load_file(file); });
  for (auto& thread : threads) thread.join();
  for (const auto& schema : loaded) EXPECT_EQ(schema, loaded[0]);
}

TEST(Engine, DocumentIsTheSchemaAsLoaded) {
  auto schema = compile(R"({"title": "t", "type": "string"})");
  EXPECT_STREQ(schema->document()["title"].GetString(), "t");
}

TEST(Formats, UuidAndFriends) {
  EXPECT_TRUE(check_format(FormatKind::uuid, "123e4567-e89b-12d3-a456-426614174000"));
  EXPECT_TRUE(check_format(FormatKind::uuid, "123E4567-E89B-12D3-A456-426614174000"));
  EXPECT_FALSE(check_format(FormatKind::uuid, "123e4567e89b12d3a456426614174000"));
  EXPECT_FALSE(check_format(FormatKind::uuid, "123e4567-e89b-12d3-a456-42661417400g"));
  EXPECT_TRUE(check_format(FormatKind::email, "joe.bloggs@[IPv6:::1]"));
  EXPECT_FALSE(check_format(FormatKind::email, "joe.bloggs@[127.0.0.300]"));
  EXPECT_EQ(format_kind("no-such-format"), FormatKind::none);
  EXPECT_TRUE(compile(R"({"format": "no-such-format"})")->validate(json(R"("x")"), nullptr));
}

}  // namespace
}  // namespace conform::schema::testing

namespace conform::schema::testing {
namespace {

TEST(Engine, DeepNestingThroughARecursiveSchemaIsAFindingNotACrash) {
  auto schema = compile(R"({"type": "array", "items": {"$ref": "#"}})");
  rapidjson::Document instance;
  std::string text(100000, '[');
  text += std::string(100000, ']');
  instance.Parse<rapidjson::kParseIterativeFlag>(text.c_str());
  ASSERT_FALSE(instance.HasParseError());
  Findings findings;
  EXPECT_FALSE(schema->validate(instance, &findings));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].keyword, "depth");
  EXPECT_FALSE(schema->validate(instance, nullptr));
  EXPECT_TRUE(schema->validate(json("[[[]],[]]"), nullptr));
}

TEST(Engine, UniqueItemsOnALargeArrayFindsTheRepeat) {
  auto schema = compile(R"({"uniqueItems": true})");
  rapidjson::Document instance(rapidjson::kArrayType);
  for (int i = 0; i < 200000; ++i) instance.PushBack(i, instance.GetAllocator());
  EXPECT_TRUE(schema->validate(instance, nullptr));
  instance.PushBack(rapidjson::Value(77.0), instance.GetAllocator());
  Findings findings;
  EXPECT_FALSE(schema->validate(instance, &findings));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].pointer, "/200000");
  EXPECT_EQ(findings[0].message, "item 200000 repeats item 77; items must be unique");
}

}  // namespace
}  // namespace conform::schema::testing
