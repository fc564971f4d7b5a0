#include "drift/tree_diff.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace conform::drift {
namespace {
namespace fs = std::filesystem;

void replace(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = test::read_file(file);
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << file << " has no " << from;
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary) << text;
}

bool has(const DriftItems& items, const std::string& vendor, const std::string& rule) {
  return std::any_of(items.begin(), items.end(), [&](const DriftItem& item) {
    return item.vendor == vendor && item.rule() == rule;
  });
}

// Trees named by relative paths (as `conform diff old/schemas schemas` names them): the
// manifests' file names already carry the folder, so schemas are still found and compared.
// The paths are relative to the working directory the test runs in, which it leaves alone.
class TreeDiffTest : public ::testing::Test {
 protected:
  TreeDiffTest() {
    fs::copy(CONFORM_SCHEMAS_DIR, root_ / "old", fs::copy_options::recursive);
    fs::copy(CONFORM_SCHEMAS_DIR, root_ / "new", fs::copy_options::recursive);
  }
  // Both trees hold only the test-only vendor (tests/data/vendors/acme), for the tests of
  // what no vendor decides.
  void acme_only() {
    for (const char* tree : {"old", "new"}) {
      fs::remove_all(root_ / tree);
      fs::create_directories(root_ / tree);
      for (const char* file : {"manifest.schema.json", "mock.schema.json"}) {
        fs::copy_file(fs::path(CONFORM_SCHEMAS_DIR) / file, root_ / tree / file);
      }
      fs::copy(fs::path(CONFORM_TESTS_DIR) / "data/vendors/acme", root_ / tree / "acme",
               fs::copy_options::recursive);
    }
  }
  DriftItems diff() {
    const fs::path old_tree = fs::relative(root_ / "old", fs::current_path());
    const fs::path new_tree = fs::relative(root_ / "new", fs::current_path());
    EXPECT_TRUE(old_tree.is_relative() && new_tree.is_relative());
    return diff_trees(*contracts::Catalog::load(old_tree), *contracts::Catalog::load(new_tree));
  }
  test::TempDir dir_;
  const fs::path root_ = dir_.path();
};

TEST_F(TreeDiffTest, RelativeTreesAreComparedFileByFile) {
  EXPECT_TRUE(diff().empty());
  replace(root_ / "new/finix/request.schema.json", R"("type": "object",)",
          R"("type": "object", "required": ["enabled"],)");
  replace(root_ / "new/formsonfire/response-200.xml-rules.json", R"("root": "UserResponse")",
          R"("root": "UserResult")");
  const DriftItems items = diff();
  EXPECT_TRUE(has(items, "finix", "request-property-required-added"));
  EXPECT_TRUE(has(items, "formsonfire", "xml-root-changed"));
  for (const DriftItem& item : items) EXPECT_TRUE(fs::exists(item.source)) << item.source;
}

TEST_F(TreeDiffTest, AnUnreadableSchemaIsReportedNotSkipped) {
  acme_only();
  std::ofstream(root_ / "new/acme/response-200.schema.json") << "{ not json";
  const DriftItems items = diff();
  ASSERT_TRUE(has(items, "acme", "schema-unreadable"));
  EXPECT_EQ(items.front().level, Level::breaking);
}

// A vendor's schema may share a file at the catalog root, and its changes count; a "$ref"
// out of the catalog is not read, whatever the file there says.
TEST_F(TreeDiffTest, RefsFollowIntoTheCatalogRootAndNoFurther) {
  acme_only();
  std::ofstream(root_ / "old/common.schema.json") << R"({"type": "string", "maxLength": 10})";
  std::ofstream(root_ / "new/common.schema.json") << R"({"type": "string", "maxLength": 5})";
  std::ofstream(root_ / "outside-old.schema.json") << R"({"type": "string", "maxLength": 10})";
  std::ofstream(root_ / "outside-new.schema.json") << R"({"type": "string", "maxLength": 1})";
  for (const char* tree : {"old", "new"}) {
    replace(root_ / tree / "acme/request.schema.json", R"("properties": {)",
            std::string(R"("properties": {"shared_x": {"$ref": "../common.schema.json"},)") +
                R"("outside_x": {"$ref": "../../outside-)" + tree + R"(.schema.json"},)");
  }
  std::set<std::string> changed;
  for (const DriftItem& item : diff()) changed.insert(item.rule() + " " + item.finding.pointer);
  EXPECT_TRUE(changed.count("max-length-decreased /properties/shared_x/maxLength"))
      << ::testing::PrintToString(changed);
  EXPECT_EQ(changed.count("max-length-decreased /properties/outside_x/maxLength"), 0u)
      << ::testing::PrintToString(changed);
}

}  // namespace
}  // namespace conform::drift
