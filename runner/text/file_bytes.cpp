#include "text/file_bytes.hpp"

#include <fstream>

namespace conform::text {

std::optional<std::string> read_file_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes;
  char buffer[1 << 16];
  // istream::read turns a failed read(2) (a directory opens, then reads EISDIR) into badbit;
  // the end of the file only sets eofbit and failbit.
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (!in) break;
  }
  if (in.bad()) return std::nullopt;
  return bytes;
}

}  // namespace conform::text
