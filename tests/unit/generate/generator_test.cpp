// The example generator over every vendor's request schema: every valid example passes
// check_payload, every invalid one fails with exactly the finding it was made for, and one
// seed gives byte-identical examples.
#include "generate/generator.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "codec/json_text.hpp"
#include "contracts/catalog.hpp"
#include "contracts/payload_check.hpp"
#include "schema/json_value.hpp"
#include "schema/node.hpp"

namespace conform::generate {
namespace {

// Examples past the plan that each vendor's test draws.
constexpr std::uint64_t kDrawn = 300;

const contracts::Catalog& catalog() {
  static const auto loaded = contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
  return *loaded;
}

struct Request {
  const contracts::Manifest* vendor = nullptr;
  const contracts::MessageSpec* message = nullptr;
  std::shared_ptr<const schema::Schema> schema;
};

Request request_of(const contracts::Manifest& vendor) {
  Request out;
  out.vendor = &vendor;
  out.message = catalog().message(vendor, MessageId{});
  if (out.message) out.schema = catalog().schema(vendor, *out.message);
  return out;
}

PayloadResult check(const Request& request, const rapidjson::Value& body) {
  contracts::CheckOptions options;
  options.format = Format::json;
  return contracts::check_payload(catalog(), *request.vendor, request.message,
                                  codec::to_json_text(body), options)
      .result;
}

TEST(Generator, ValidExamplesPassAndInvalidOnesBreakExactlyTheirKeyword) {
  ASSERT_FALSE(catalog().vendors().empty());
  for (const auto& vendor : catalog().vendors()) {
    const Request request = request_of(vendor);
    ASSERT_TRUE(request.schema) << vendor.id;
    const Generator generator(request.schema->root(), {}, 7);
    ASSERT_GT(generator.planned(), 5u) << vendor.id;
    std::size_t valid = 0, invalid = 0;
    for (std::uint64_t i = 0; i < generator.planned() + kDrawn; ++i) {
      const Example example = generator.example(i);
      const PayloadResult result = check(request, *example.body);
      const std::string what = vendor.id + " #" + std::to_string(i) + " " +
                               example.covered.pointer + " " + example.covered.keyword + " " +
                               example.covered.detail + ": " +
                               codec::to_json_text(*example.body).substr(0, 300);
      if (example.valid) {
        ++valid;
        EXPECT_TRUE(result.valid) << what << "\n  "
                                  << (result.findings.empty() ? "" : result.findings[0].message);
        continue;
      }
      ++invalid;
      ASSERT_EQ(result.findings.size(), 1u) << what;
      EXPECT_EQ(result.findings[0].keyword, example.covered.keyword) << what;
      EXPECT_EQ(result.findings[0].pointer, example.covered.pointer) << what;
    }
    EXPECT_GT(valid, 0u) << vendor.id;
    EXPECT_GT(invalid, 0u) << vendor.id;
  }
}

TEST(Generator, ThePlanCoversEveryPropertyAndEveryEnumValue) {
  for (const auto& vendor : catalog().vendors()) {
    const Request request = request_of(vendor);
    const schema::Node& root = resolved(request.schema->root());
    const Generator generator(request.schema->root(), {}, 1);
    std::set<std::string> pointers;
    std::set<std::string> enum_values;
    for (const Covered& covered : generator.plan()) {
      pointers.insert(covered.pointer);
      if (covered.keyword == "enum") enum_values.insert(covered.pointer + "=" + covered.detail);
    }
    for (const auto& entry : root.properties.entries()) {
      EXPECT_TRUE(pointers.count("/" + entry.name)) << vendor.id << " /" << entry.name;
      const schema::Node& property = resolved(*entry.schema);
      if (!property.enum_values) continue;
      for (const auto& value : property.enum_values->GetArray()) {
        const std::string text = value.IsString() ? value.GetString() : codec::to_json_text(value);
        EXPECT_TRUE(enum_values.count("/" + entry.name + "=" + text)) << vendor.id << " " << text;
      }
    }
  }
}

std::string bodies(const Generator& generator, std::uint64_t count) {
  std::string out;
  for (std::uint64_t i = 0; i < count; ++i) {
    out += codec::to_json_text(*generator.example(i).body) + "\n";
  }
  return out;
}

TEST(Generator, OneSeedGivesByteIdenticalExamplesAndAnotherSeedOthers) {
  for (const auto& vendor : catalog().vendors()) {
    const Request request = request_of(vendor);
    const Generator first(request.schema->root(), {}, 42);
    const Generator again(request.schema->root(), {}, 42);
    const Generator other(request.schema->root(), {}, 43);
    const std::uint64_t count = first.planned() + 50;
    EXPECT_EQ(bodies(first, count), bodies(again, count)) << vendor.id;
    EXPECT_NE(bodies(first, count), bodies(other, count)) << vendor.id;
    // Example N alone is example N of the stream.
    EXPECT_EQ(codec::to_json_text(*first.example(count - 1).body),
              codec::to_json_text(*again.example(count - 1).body));
  }
}

TEST(Generator, PinnedMembersKeepTheirValueInEveryValidExample) {
  for (const auto& vendor : catalog().vendors()) {
    const Request request = request_of(vendor);
    const schema::Node& root = resolved(request.schema->root());
    const schema::PropertyEntry* pinned_entry = nullptr;
    for (const auto& entry : root.properties.entries()) {
      if (resolved(*entry.schema).types == schema::kTypeString) pinned_entry = &entry;
    }
    if (!pinned_entry) continue;
    rapidjson::Document minimal;
    ASSERT_TRUE(VariantMaker().minimal(*pinned_entry->schema, minimal, minimal.GetAllocator()));
    const std::string pinned = codec::to_json_text(minimal);
    const Generator generator(request.schema->root(), {{pinned_entry->name, pinned}}, 3);
    for (std::uint64_t i = 0; i < generator.planned() + 40; ++i) {
      const Example example = generator.example(i);
      if (!example.valid) continue;
      const auto member = example.body->FindMember(pinned_entry->name.c_str());
      ASSERT_NE(member, example.body->MemberEnd()) << vendor.id << " #" << i;
      EXPECT_EQ(codec::to_json_text(member->value), pinned) << vendor.id << " #" << i;
    }
  }
}

}  // namespace
}  // namespace conform::generate
