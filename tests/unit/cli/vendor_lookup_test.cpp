// vendor_lookup: the one "unknown vendor" / "no message" usage error, with a near name.
#include "cli/vendor_lookup.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "cli/command.hpp"

namespace conform::cli {
namespace {

class VendorLookupTest : public ::testing::Test {
 protected:
  std::shared_ptr<contracts::Catalog> catalog_ = contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
};

std::string usage_message(const std::function<void()>& lookup) {
  try {
    lookup();
  } catch (const UsageError& e) {
    return e.what();
  }
  return "no usage error";
}

TEST_F(VendorLookupTest, FindsAKnownVendorAndMessage) {
  const auto& vendor = find_vendor(*catalog_, catalog_->vendors().front().id);
  EXPECT_EQ(find_message(*catalog_, vendor, "request").id.name(), "request");
}

TEST_F(VendorLookupTest, AnUnknownVendorNamesTheNearestOne) {
  const std::string id = catalog_->vendors().front().id;
  const std::string typo = id + "z";
  EXPECT_EQ(usage_message([&] { find_vendor(*catalog_, typo); }),
            "unknown vendor \"" + typo + "\"; did you mean \"" + id +
                "\"? ('conform vendors' lists them)");
}

TEST_F(VendorLookupTest, AnUnknownMessageListsTheVendorsMessages) {
  const auto& vendor = catalog_->vendors().front();
  const std::string message = usage_message([&] { find_message(*catalog_, vendor, "reqest"); });
  EXPECT_EQ(
      message.rfind(vendor.id + " documents no message \"reqest\"; did you mean \"request\"?", 0),
      0u)
      << message;
  EXPECT_NE(message.find("; its messages: request"), std::string::npos) << message;
}

TEST(DidYouMean, SaysNothingWhenNoNameIsNear) {
  EXPECT_EQ(did_you_mean("zzzzzzzz", {"request", "response:200"}), "");
}

}  // namespace
}  // namespace conform::cli
