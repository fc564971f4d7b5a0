#include "drift/recording_layout.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform::drift {
namespace {
namespace fs = std::filesystem;

Snapshot snapshot_at(const std::string& relative_path) {
  Snapshot snapshot;
  snapshot.vendor = "acme";
  snapshot.case_name = "update";
  snapshot.method = "PUT";
  snapshot.path = "/v2/members/1";
  snapshot.status = 200;
  snapshot.relative_path = relative_path;
  return snapshot;
}

TEST(ReplaceRecording, RemovesTheVendorsEarlierSnapshotsOnly) {
  const test::TempDir dir;
  dir.write("acme/old-case/0.json", "{}");        // a case deleted since: goes
  dir.write("acme/kept-case/notes.txt", "mine");  // not a snapshot: stays
  dir.write("other/a-case/0.json", "{}");         // a vendor not recorded now: stays
  replace_recording(dir.path(), {"acme"}, {snapshot_at("acme/new-case/0.json")});
  EXPECT_FALSE(fs::exists(dir.path() + "/acme/old-case"));
  EXPECT_TRUE(fs::exists(dir.path() + "/acme/kept-case/notes.txt"));
  EXPECT_TRUE(fs::exists(dir.path() + "/other/a-case/0.json"));
  EXPECT_TRUE(fs::is_regular_file(dir.path() + "/acme/new-case/0.json"));
}

// drift --baseline tells "recorded, nothing answered" from "not recorded" by the folder.
TEST(ReplaceRecording, KeepsAFolderForAVendorWithoutSnapshots) {
  const test::TempDir dir;
  replace_recording(dir.path(), {"acme"}, {});
  EXPECT_TRUE(fs::is_directory(dir.path() + "/acme"));
}

TEST(ReplaceRecording, ThrowsWhenTheFolderCannotBeWritten) {
  const test::TempDir dir;
  const std::string file = dir.write("a-file", "x");
  EXPECT_ANY_THROW(replace_recording(file, {"acme"}, {snapshot_at("acme/c/0.json")}));
}

}  // namespace
}  // namespace conform::drift
