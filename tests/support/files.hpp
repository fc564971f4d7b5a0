// files: reading a whole file in a test, the one way every test does it.
#pragma once

#include <filesystem>
#include <string>

namespace conform::test {

// The file's bytes as they are (binary); empty when it cannot be read, so a test that
// expects content fails on the comparison that names the file.
std::string read_file(const std::filesystem::path& file);

}  // namespace conform::test
