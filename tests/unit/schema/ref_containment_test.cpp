// A "$ref" reads schema files only inside the folder of the schema conform was given (and
// below it) or a mapped folder: "../" and symbolic links are resolved before the check, so a
// schema from a pull request cannot make conform read /etc/passwd or ~/.ssh.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "schema/schema.hpp"
#include "unit/schema/schema_test_support.hpp"

namespace conform::schema::testing {
namespace {
namespace fs = std::filesystem;

// A schema folder `tree/` with its siblings outside it:
//   outside.json   a valid schema the tree must not reach
//   tree/          the schema set the caller names
class RefContainment : public ::testing::Test {
 protected:
  RefContainment() {
    fs::create_directories(fs::path(dir_.path()) / "tree" / "defs");
    dir_.write("outside.json", R"({"type": "string"})");
  }

  fs::path tree() const { return fs::canonical(fs::path(dir_.path()) / "tree"); }

  // The SchemaError message of loading tree/main.json with `text`; "" when it loads.
  std::string refusal(const std::string& text) {
    const fs::path main = dir_.write("tree/main.json", text);
    try {
      registry_.load_file(main);
    } catch (const SchemaError& error) {
      pointer_ = error.pointer();
      return error.what();
    }
    return "";
  }

  TempDir dir_;
  SchemaRegistry registry_;
  std::string pointer_;
};

TEST_F(RefContainment, ARelativeRefThatClimbsOutOfTheSchemaFolderIsRefusedUnread) {
  const std::string message = refusal(R"({"properties": {"a": {"$ref": "../outside.json"}}})");
  EXPECT_EQ(pointer_, "/properties/a/$ref");
  // The error names the $ref, where it leads and the folder it had to stay in.
  EXPECT_NE(message.find("$ref ../outside.json"), std::string::npos) << message;
  EXPECT_NE(message.find(fs::canonical(dir_.path()).string() + "/outside.json is outside " +
                         tree().string()),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("--map"), std::string::npos) << message;

  const std::string passwd = refusal(R"({"$ref": "../../../../../../../../../etc/passwd"})");
  EXPECT_NE(passwd.find("/etc/passwd is outside " + tree().string()), std::string::npos) << passwd;
  EXPECT_EQ(passwd.find("not JSON"), std::string::npos) << "the file was read: " << passwd;
}

TEST_F(RefContainment, AnIdCannotMoveTheBaseOutOfTheFolder) {
  // "$id" changes the base a relative "$ref" resolves against; the file is still checked.
  const std::string id = "file://" + fs::canonical(dir_.path()).string() + "/";
  const std::string message =
      refusal(R"({"$id": ")" + id + R"(", "properties": {"a": {"$ref": "outside.json"}}})");
  EXPECT_NE(message.find("is outside " + tree().string()), std::string::npos) << message;
}

TEST_F(RefContainment, ASymlinkInTheTreeThatPointsOutsideIsRefused) {
  fs::create_symlink(fs::path(dir_.path()) / "outside.json",
                     fs::path(dir_.path()) / "tree" / "link.json");
  const std::string message = refusal(R"({"$ref": "link.json"})");
  EXPECT_NE(message.find("link.json (resolved: " + fs::canonical(dir_.path()).string() +
                         "/outside.json) is outside " + tree().string()),
            std::string::npos)
      << message;

  // A linked folder is resolved the same way.
  fs::create_directories(fs::path(dir_.path()) / "elsewhere");
  dir_.write("elsewhere/id.json", R"({"type": "integer"})");
  fs::create_directory_symlink(fs::path(dir_.path()) / "elsewhere",
                               fs::path(dir_.path()) / "tree" / "shared");
  const std::string folder = refusal(R"({"$ref": "shared/id.json"})");
  EXPECT_NE(folder.find("is outside " + tree().string()), std::string::npos) << folder;
}

TEST_F(RefContainment, ARefIntoAMappedFolderIsFollowed) {
  fs::create_directories(fs::path(dir_.path()) / "common");
  dir_.write("common/id.json", R"({"type": "integer"})");
  const std::string main = R"({"properties": {"id": {"$ref": "../common/id.json"}}})";
  EXPECT_NE(refusal(main).find("is outside"), std::string::npos) << "not mapped yet";

  SchemaRegistry mapped;
  mapped.map_url_prefix("https://example.com/common/", fs::path(dir_.path()) / "common");
  const auto schema = mapped.load_file(dir_.write("tree/main.json", main));
  EXPECT_EQ(findings_of(*schema, R"({"id": 7})").size(), 0u);
  const Findings findings = findings_of(*schema, R"({"id": "seven"})");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].keyword, "type");
}

TEST_F(RefContainment, RefsToSiblingsAndSubfoldersStillWork) {
  dir_.write("tree/common.json", R"({"definitions": {"name": {"type": "string"}}})");
  // A file in a subfolder may climb back up, as long as it stays in the tree.
  dir_.write(
      "tree/defs/id.json",
      R"({"type": "object", "properties": {"name": {"$ref": "../common.json#/definitions/name"}}})");
  fs::create_symlink("common.json", fs::path(dir_.path()) / "tree" / "alias.json");
  EXPECT_EQ(refusal(R"({"properties": {
    "user": {"$ref": "defs/id.json"},
    "label": {"$ref": "common.json#/definitions/name"},
    "alias": {"$ref": "alias.json#/definitions/name"}
  }})"),
            "");
  const auto schema = registry_.load_file(fs::path(dir_.path()) / "tree" / "main.json");
  EXPECT_EQ(findings_of(*schema, R"({"user": {"name": 1}, "label": 2, "alias": "x"})").size(), 2u);
}

TEST_F(RefContainment, TheFolderOfASchemaGivenByASymlinkIsTheFolderItResolvesTo) {
  // conform follows the file it is given (like any tool); its "$ref"s resolve next to the
  // file the link leads to, so that is the folder they stay in.
  dir_.write("tree/defs/real.json", R"({"$ref": "id.json"})");
  dir_.write("tree/defs/id.json", R"({"type": "integer"})");
  fs::create_directories(fs::path(dir_.path()) / "links");
  fs::create_symlink(fs::path(dir_.path()) / "tree" / "defs" / "real.json",
                     fs::path(dir_.path()) / "links" / "entry.json");
  const auto schema = registry_.load_file(fs::path(dir_.path()) / "links" / "entry.json");
  EXPECT_EQ(findings_of(*schema, "\"x\"").size(), 1u);
}

}  // namespace
}  // namespace conform::schema::testing
