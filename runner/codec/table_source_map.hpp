// TableSourceMap: a SourceMap filled while decoding (XML, forms): each JSON Pointer of the
// decoded value -> byte offset and XPath (or form key) in the source.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "codec/source_map.hpp"
#include "codec/text_position.hpp"
#include "model/finding.hpp"

namespace conform::codec {

class TableSourceMap final : public SourceMap {
 public:
  explicit TableSourceMap(std::string bytes) : bytes_(std::move(bytes)) {}
  TableSourceMap(const TableSourceMap&) = delete;  // index_ points into bytes_
  TableSourceMap& operator=(const TableSourceMap&) = delete;

  // `length` is in bytes from `offset`; line and column are computed only when asked.
  void add(std::string pointer, std::size_t offset, std::size_t length, std::string xpath);
  // The entry for `pointer`, else for its nearest ancestor that has one (the parent of a
  // missing member), else an empty Location.
  Location locate(std::string_view pointer) const override;
  // Line, column and caret length of bytes [offset, offset + length) of the source.
  Location location_at(std::size_t offset, std::size_t length, std::string xpath) const;
  // A finding about the value at `pointer`, placed at bytes [offset, offset + length).
  Finding finding_at(std::size_t offset, std::size_t length, std::string xpath, std::string pointer,
                     std::string keyword, std::string message) const;

  std::string_view bytes() const { return bytes_; }

 private:
  struct Entry {
    std::size_t offset;
    std::size_t length;
    std::string xpath;
  };
  std::string bytes_;
  std::unordered_map<std::string, Entry> entries_;
  // Built on the first location asked for: placing many findings costs one pass.
  mutable std::optional<TextIndex> index_;
};

}  // namespace conform::codec
