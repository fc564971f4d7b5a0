#include "codec/table_source_map.hpp"

#include <algorithm>
#include <utility>

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
  if (!index_) index_.emplace(bytes_);
  offset = std::min(offset, bytes_.size());
  const TextPosition at = index_->position(offset);
  Location location;
  location.line = at.line;
  location.column = at.column;
  const std::size_t end =
      std::max(offset, std::min({offset + length, bytes_.size(), index_->line_end(offset)}));
  location.length = std::max(1, static_cast<int>(index_->code_points(offset, end)));
  location.xpath = std::move(xpath);
  return location;
}

Finding TableSourceMap::finding_at(std::size_t offset, std::size_t length, std::string xpath,
                                   std::string pointer, std::string keyword,
                                   std::string message) const {
  const Location at = location_at(offset, length, std::move(xpath));
  Finding finding;
  finding.pointer = std::move(pointer);
  finding.xpath = at.xpath;
  finding.line = at.line;
  finding.column = at.column;
  finding.length = at.length;
  finding.keyword = std::move(keyword);
  finding.message = std::move(message);
  return finding;
}

}  // namespace conform::codec
