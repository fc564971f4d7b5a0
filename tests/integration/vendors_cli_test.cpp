// `conform vendors`: what a user needs to call each vendor (required query parameters and
// headers with their values) and which statuses come from HTTP rather than the vendor.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codec/rapidjson.hpp"
#include "support/run_command.hpp"

namespace conform::test {
namespace {

using ::testing::HasSubstr;

TEST(VendorsCli, TextShowsRequiredQueryParametersHeadersAndHttpStatuses) {
  const CommandResult result = run_conform({"vendors"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("  query      format (required): json | xml\n"));
  EXPECT_THAT(result.out, HasSubstr("  header     Finix-Version (required): 2022-02-01\n"));
  EXPECT_THAT(result.out, HasSubstr("  from HTTP  response:405, response:413, response:415  ("));
}

TEST(VendorsCli, JsonHasQueryParametersHeadersAndHttpMessages) {
  const CommandResult result = run_conform({"vendors", "--output", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  rapidjson::Document vendors;
  vendors.Parse(result.out.c_str());
  ASSERT_TRUE(vendors.IsArray()) << result.out;
  bool saw_finix = false;
  bool saw_formsonfire = false;
  for (const auto& vendor : vendors.GetArray()) {
    const std::string id = vendor["id"].GetString();
    ASSERT_TRUE(vendor["http_messages"].IsArray()) << id;
    if (id == "finix") {
      saw_finix = true;
      const auto& header = vendor["headers"][0];
      EXPECT_STREQ(header["name"].GetString(), "Finix-Version");
      EXPECT_TRUE(header["required"].GetBool());
      EXPECT_STREQ(header["value"].GetString(), "2022-02-01");
      EXPECT_EQ(vendor["http_messages"].Size(), 3u);
    }
    if (id == "formsonfire") {
      saw_formsonfire = true;
      const auto& format = vendor["query_parameters"][0];
      EXPECT_STREQ(format["name"].GetString(), "format");
      ASSERT_EQ(format["allowed"].Size(), 2u);
      EXPECT_STREQ(format["allowed"][0].GetString(), "json");
      EXPECT_STREQ(format["allowed"][1].GetString(), "xml");
    }
    if (id == "maiascore") {
      EXPECT_EQ(vendor["http_messages"].Size(), 0u) << "its default covers them";
    }
  }
  EXPECT_TRUE(saw_finix && saw_formsonfire);
}

}  // namespace
}  // namespace conform::test
