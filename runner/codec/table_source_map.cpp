#include "codec/table_source_map.hpp"

#include <algorithm>
#include <utility>

#include "codec/text_position.hpp"
#include "codec/utf8.hpp"

namespace conform::codec {

void TableSourceMap::add(std::string pointer, std::size_t offset, std::size_t length,
                         std::string xpath) {
  entries_.emplace(std::move(pointer), Entry{offset, length, std::move(xpath)});
}

Location TableSourceMap::locate(std::string_view pointer) const {
  std::string key(pointer);
  for (;;) {
    const auto it = entries_.find(key);
    if (it != entries_.end()) {
      return location_at(it->second.offset, it->second.length, it->second.xpath);
    }
    if (key.empty()) return {};
    const std::size_t slash = key.rfind('/');
    key.erase(slash == std::string::npos ? 0 : slash);
  }
}

Location TableSourceMap::location_at(std::size_t offset, std::size_t length,
                                     std::string xpath) const {
  const TextPosition at = position_of(bytes_, offset);
  Location location;
  location.line = at.line;
  location.column = at.column;
  offset = std::min(offset, bytes_.size());
  std::size_t end = std::min(offset + length, bytes_.size());
  const std::size_t newline = bytes_.find('\n', offset);
  if (newline != std::string::npos) end = std::min(end, newline);
  location.length = std::max(
      1,
      static_cast<int>(count_code_points(std::string_view(bytes_).substr(offset, end - offset))));
  location.xpath = std::move(xpath);
  return location;
}

}  // namespace conform::codec
