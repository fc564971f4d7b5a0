#include "text/file_bytes.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/temp_dir.hpp"

namespace conform::text {
namespace {

TEST(FileBytes, ReadsEveryByteAsItIs) {
  test::TempDir dir;
  std::string bytes("line\r\nNUL\0byte\xff", 15);
  bytes += std::string(200000, 'x');  // past one read buffer
  EXPECT_EQ(read_file_bytes(dir.write("body.bin", bytes)), bytes);
}

TEST(FileBytes, AnEmptyFileIsEmptyNotAnError) {
  test::TempDir dir;
  EXPECT_EQ(read_file_bytes(dir.write("empty.json", "")), std::string());
}

TEST(FileBytes, AMissingFileOrAFolderCannotBeRead) {
  test::TempDir dir;
  EXPECT_EQ(read_file_bytes(dir.path() + "/missing.json"), std::nullopt);
  EXPECT_EQ(read_file_bytes(dir.path()), std::nullopt);
}

}  // namespace
}  // namespace conform::text
