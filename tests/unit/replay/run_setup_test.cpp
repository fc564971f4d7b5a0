#include "replay/run_setup.hpp"

#include <gtest/gtest.h>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform::replay {
namespace {

class RunSetupTest : public ::testing::Test {
 protected:
  RunSetupTest()
      : catalog_(contracts::Catalog::load(CONFORM_SCHEMAS_DIR)),
        loader_(catalog_->registry(), CONFORM_CASES_DIR),
        vendor_(catalog_->vendors().front().id) {}

  std::string a_case(const std::string& vendor) const {
    return "{\n  \"name\": \"one step\",\n  \"vendor\": \"" + vendor +
           "\",\n  \"steps\": [{\"method\": \"PUT\", \"path\": \"/x\", \"expect\": "
           "{\"status\": 200}}]\n}\n";
  }

  std::shared_ptr<contracts::Catalog> catalog_;
  CaseLoader loader_;
  std::string vendor_;
  test::TempDir dir_;
};

TEST_F(RunSetupTest, LoadsCasesWithTheirFoldersDefaults) {
  dir_.write("v/a.json", a_case(vendor_));
  dir_.write("v/defaults.json", "{}");
  const CaseSet set = load_case_set({dir_.path()}, loader_, *catalog_);
  ASSERT_EQ(set.cases.size(), 1u);
  EXPECT_TRUE(set.broken.empty());
  EXPECT_EQ(set.defaults.count(set.cases[0].file.parent_path()), 1u);
}

// The finding points at the "vendor" member, so replay can quote the line.
TEST_F(RunSetupTest, ACaseOfAnUnknownVendorIsBrokenAtItsVendorMember) {
  dir_.write("ghost.json", a_case("ghost"));
  const CaseSet set = load_case_set({dir_.path()}, loader_, *catalog_);
  EXPECT_TRUE(set.cases.empty());
  ASSERT_EQ(set.broken.size(), 1u);
  ASSERT_EQ(set.broken[0].findings.size(), 1u);
  const Finding& finding = set.broken[0].findings[0];
  EXPECT_EQ(finding.keyword, "vendor");
  EXPECT_EQ(finding.line, 3);
  EXPECT_EQ(finding.column, 3);
  EXPECT_NE(finding.message.find("no vendor \"ghost\""), std::string::npos) << finding.message;
}

TEST_F(RunSetupTest, BrokenDefaultsAndMissingPathsAreKeptApart) {
  dir_.write("v/a.json", a_case(vendor_));
  dir_.write("v/defaults.json", "{");
  const CaseSet set = load_case_set({dir_.path(), dir_.path() + "/missing"}, loader_, *catalog_);
  EXPECT_EQ(set.cases.size(), 1u);
  EXPECT_EQ(set.broken_defaults.size(), 1u);
  EXPECT_EQ(set.missing.size(), 1u);
}

TEST_F(RunSetupTest, EachVendorLivesUnderTheTargetUnlessItHasItsOwnBase) {
  TargetOptions options;
  options.target = "http://127.0.0.1:9";
  const std::string other = catalog_->vendors().back().id;
  options.bases[other] = "https://sandbox.example.com/api";
  const RunTargets targets = set_up_targets(catalog_, options, false, {});
  EXPECT_EQ(targets.server, nullptr);
  EXPECT_EQ(targets.targets.at(vendor_).base_url, "http://127.0.0.1:9/" + vendor_);
  EXPECT_TRUE(targets.targets.at(vendor_).live);
  EXPECT_EQ(targets.targets.at(other).base_url, "https://sandbox.example.com/api");
  EXPECT_EQ(targets.targets.size(), catalog_->vendors().size());
}

TEST_F(RunSetupTest, FixturesMakeAUrlTargetAMockOne) {
  TargetOptions options;
  options.target = "http://127.0.0.1:9";
  options.fixtures = true;
  const RunTargets targets = set_up_targets(catalog_, options, false, {});
  EXPECT_FALSE(targets.targets.at(vendor_).live);
}

TEST_F(RunSetupTest, TheTargetsGetTheirCaseFoldersDefaults) {
  dir_.write("v/a.json", a_case(vendor_));
  dir_.write("v/defaults.json", "{}");
  const CaseSet set = load_case_set({dir_.path()}, loader_, *catalog_);
  TargetOptions options;
  options.target = "http://127.0.0.1:9";
  const RunTargets targets = set_up_targets(catalog_, options, false, set);
  EXPECT_EQ(targets.targets.at(vendor_).defaults, &set.defaults.begin()->second);
}

}  // namespace
}  // namespace conform::replay
