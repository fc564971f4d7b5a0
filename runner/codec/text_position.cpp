#include "codec/text_position.hpp"

#include <algorithm>
#include <cstring>

#include "codec/utf8.hpp"

namespace conform::codec {

TextPosition position_of(std::string_view bytes, std::size_t offset) {
  offset = std::min(offset, bytes.size());
  TextPosition position;
  std::size_t line_start = 0;
  const char* data = bytes.data();
  for (;;) {
    const void* found = std::memchr(data + line_start, '\n', offset - line_start);
    if (found == nullptr) break;
    line_start = static_cast<std::size_t>(static_cast<const char*>(found) - data) + 1;
    ++position.line;
  }
  position.column =
      static_cast<int>(count_code_points(bytes.substr(line_start, offset - line_start))) + 1;
  return position;
}

std::string_view line_at(std::string_view bytes, std::size_t offset) {
  offset = std::min(offset, bytes.size());
  const std::size_t before = offset == 0 ? std::string_view::npos : bytes.rfind('\n', offset - 1);
  const std::size_t start = before == std::string_view::npos ? 0 : before + 1;
  std::size_t end = bytes.find('\n', offset);
  if (end == std::string_view::npos) end = bytes.size();
  if (end > start && bytes[end - 1] == '\r') --end;
  return bytes.substr(start, end - start);
}

}  // namespace conform::codec
