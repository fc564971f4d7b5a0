// text_position: byte offsets in a payload -> the line and column a person sees.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace conform::codec {

struct TextPosition {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in code points
};

// The position of byte `offset` in `bytes` (offset may equal bytes.size(): end of text).
// Lines end at "\n"; columns count code points, so "é" is one column.
TextPosition position_of(std::string_view bytes, std::size_t offset);

// position_of for many offsets of one text: lines and code points are counted once, so
// placing a finding costs the same wherever it stands (position_of rescans from the start).
class TextIndex {
 public:
  explicit TextIndex(std::string_view text);
  TextPosition position(std::size_t offset) const;
  // The offset of the line break that ends the line holding `offset`, or the text's size.
  std::size_t line_end(std::size_t offset) const;
  // Code points in bytes [begin, end).
  std::size_t code_points(std::size_t begin, std::size_t end) const;

 private:
  std::size_t points_before(std::size_t offset) const;

  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  std::vector<std::size_t> points_before_block_;  // code points before each kBlock bytes
};

// The text of the line holding byte `offset`, without its line break.
std::string_view line_at(std::string_view bytes, std::size_t offset);

}  // namespace conform::codec
