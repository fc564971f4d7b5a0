#include "fuzz/case.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

#include "codec/rapidjson.hpp"
#include "contracts/catalog.hpp"
#include "fuzz/target.hpp"

namespace conform::fuzz {
namespace {

std::shared_ptr<const contracts::Catalog> shipped() {
  static const std::shared_ptr<const contracts::Catalog> loaded =
      contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
  return loaded;
}

// The pointers a case's read-back step asserts; empty when it has none.
std::set<std::string> read_back_pointers(const replay::Case& test_case) {
  std::set<std::string> out;
  for (const replay::Step& step : test_case.steps) {
    if (step.name != "read back") continue;
    for (const replay::Assertion& assertion : step.expect.assertions) {
      out.insert(assertion.source.pointer);
    }
  }
  return out;
}

// A vendor that keeps lists edited by other members (the seed's AddedUserRoles adds to
// UserRoles): a body that sets the list and edits it reads back with the edit applied, so
// the list is not asserted as written (seed 3, example 293 failed on the default mock).
TEST(FuzzCase, AListTheSameBodyAddsToIsNotAssertedAsWritten) {
  const contracts::Manifest* nexudus = shipped()->find("nexudus");
  ASSERT_NE(nexudus, nullptr);
  const FuzzTarget target = fuzz_target(*shipped(), *nexudus, 1);
  generate::Example example;
  for (std::uint64_t i = 0; i < target.planned(); ++i) {
    example = fuzz_example(target, i);
    if (example.valid && example.body && sequence_of(target, example) == Sequence::read_back) {
      break;
    }
  }
  ASSERT_EQ(sequence_of(target, example), Sequence::read_back);
  auto body = std::make_shared<rapidjson::Document>();
  body->CopyFrom(*example.body, body->GetAllocator());
  auto& a = body->GetAllocator();
  body->RemoveMember("UserRoles");
  body->RemoveMember("Email");
  body->AddMember("UserRoles", rapidjson::Value(rapidjson::kArrayType), a);
  body->AddMember("Email", "a@example.com", a);

  example.body = body;
  const auto plain = read_back_pointers(fuzz_case(target, example, 1));
  EXPECT_EQ(plain.count("/Value/UserRoles"), 1u) << "a list no member edits reads back as written";
  EXPECT_EQ(plain.count("/Value/Email"), 1u);

  rapidjson::Value added(rapidjson::kArrayType);
  added.PushBack(0, a);
  body->AddMember("AddedUserRoles", added, a);
  const auto edited = read_back_pointers(fuzz_case(target, example, 1));
  EXPECT_EQ(edited.count("/Value/UserRoles"), 0u);
  EXPECT_EQ(edited.count("/Value/AddedUserRoles"), 0u);
  EXPECT_EQ(edited.count("/Value/Email"), 1u) << "the other members are still asserted";
}

}  // namespace
}  // namespace conform::fuzz
