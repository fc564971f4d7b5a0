// text_position: byte offsets in a payload -> the line and column a person sees.
#pragma once

#include <cstddef>
#include <string_view>

namespace conform::codec {

struct TextPosition {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in code points
};

// The position of byte `offset` in `bytes` (offset may equal bytes.size(): end of text).
// Lines end at "\n"; columns count code points, so "é" is one column.
TextPosition position_of(std::string_view bytes, std::size_t offset);

// The text of the line holding byte `offset`, without its line break.
std::string_view line_at(std::string_view bytes, std::size_t offset);

}  // namespace conform::codec
