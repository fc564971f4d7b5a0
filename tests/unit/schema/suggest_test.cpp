#include "schema/suggest.hpp"

#include <gtest/gtest.h>

namespace conform::schema {
namespace {

TEST(SuggestName, CaseInsensitiveEqualityWinsOverCloserSpellings) {
  EXPECT_EQ(suggest_name("Id", {"ID", "Ids", "IdX"}), "ID");
}

TEST(SuggestName, FindsTheTypoedVendorSpelling) {
  EXPECT_EQ(
      suggest_name("LicenseManagementMode", {"LicenseManagmentMode", "LicenseSettings", "Enabled"}),
      "LicenseManagmentMode");
}

TEST(SuggestName, TranspositionCountsAsOneEdit) {
  EXPECT_EQ(edit_distance("enalbed", "enabled"), 1u);
  EXPECT_EQ(suggest_name("enalbed", {"enabled", "tags"}), "enabled");
}

TEST(SuggestName, NothingCloseMeansNoSuggestion) {
  EXPECT_EQ(suggest_name("Colour", {"enabled", "tags"}), std::nullopt);
  EXPECT_EQ(suggest_name("ab", {"xy"}), std::nullopt);
  EXPECT_EQ(suggest_name("x", {}), std::nullopt);
}

TEST(SuggestName, ThresholdGrowsWithTheLength) {
  EXPECT_EQ(suggest_name("nam", {"name"}), "name");                 // 1 edit, short name
  EXPECT_EQ(suggest_name("nm", {"name"}), std::nullopt);            // 2 edits, short name
  EXPECT_EQ(suggest_name("FirstNam", {"FirstName"}), "FirstName");  // 1 edit
  EXPECT_EQ(suggest_name("FrstNme", {"FirstName"}), "FirstName");   // 2 edits
}

TEST(EditDistance, IsTheClassicDistance) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
}

}  // namespace
}  // namespace conform::schema
