// `conform validate` on inputs that are not payload files: endless devices
// stop at the body-bytes limit, a sparse file's size is not learnt by reading it, a file of
// unknown size is read to its end, and a directory or a symlink loop gets a precise message.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/catalogs.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform::test {
namespace {
namespace fs = std::filesystem;

// The test-only vendor (tests/data/vendors/acme): reading hostile inputs is no vendor's
TEST(ValidateHostileInput, EndlessDevicesStopAtTheBodyLimit) {
  for (const char* device : {"/dev/zero", "/dev/urandom"}) {
    const auto run = run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir,
                                  "--limit", "body-bytes=1K", device},
                                 "", 60);
    EXPECT_EQ(run.exit_code, 1) << device << run.err;
    EXPECT_NE(run.out.find("error[limit]: the body is more than the limit of 1024"),
              std::string::npos)
        << run.out;
  }
}

TEST(ValidateHostileInput, ASparseFileIsJudgedByItsSizeUnread) {
  TempDir dir;
  const std::string file = dir.path() + "/sparse.json";
  std::ofstream(file).close();
  fs::resize_file(file, std::uintmax_t{1} << 31);  // 2 GiB of holes, no disk
  const auto run =
      run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir, file}, "", 60);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("the body is 2147483648 bytes, more than the limit"), std::string::npos)
      << run.out;
}

// A regular file is read with one read of its size and a byte more; a file whose size the
// file system does not know (/proc says 0) is still read to its end, and one larger than the
// limit by then is refused as such.
TEST(ValidateHostileInput, AFileWhoseSizeIsUnknownIsReadToItsEnd) {
  const auto run = run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir,
                                "--format", "json", "/proc/version"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("actual:   Linux"), std::string::npos) << run.out;
  const auto limited = run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir,
                                    "--limit", "body-bytes=4", "/proc/self/status"});
  EXPECT_EQ(limited.exit_code, 1) << limited.err;
  EXPECT_NE(limited.out.find("error[limit]: the body is more than the limit of 4"),
            std::string::npos)
      << limited.out;
}

TEST(ValidateHostileInput, ADirectoryAndASymlinkLoopSayWhatTheyAre) {
  TempDir dir;
  fs::create_symlink(dir.path() + "/b", dir.path() + "/a");
  fs::create_symlink(dir.path() + "/a", dir.path() + "/b");
  for (const bool ndjson : {false, true}) {
    std::vector<std::string> args{
        "validate",      "acme",     "request",         "--schemas",
        kTestVendorsDir, dir.path(), dir.path() + "/a", dir.path() + "/none"};
    if (ndjson) args.push_back("--ndjson");
    const auto run = run_conform(args);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find(dir.path() + ": a folder, not a file; name the payload files in it"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find(dir.path() + "/a: a loop of symbolic links"), std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find(dir.path() + "/none: no such file"), std::string::npos) << run.err;
  }
}

}  // namespace
}  // namespace conform::test
