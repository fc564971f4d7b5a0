#include "support/files.hpp"

#include <fstream>
#include <sstream>

namespace conform::test {

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace conform::test
