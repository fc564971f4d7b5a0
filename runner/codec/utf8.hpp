// utf8: the byte-level checks every codec runs before it trusts text (UTF-8, NUL bytes).
#pragma once

#include <cstddef>
#include <string_view>

namespace conform::codec {

// What is wrong with the first bad byte of a text, if any.
struct Utf8Problem {
  std::size_t offset = 0;  // byte offset of the first bad byte
  bool nul = false;        // a NUL byte (valid UTF-8, but never valid text here)
};

// Checks `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above
// U+10FFFF) without NUL bytes. Returns true when it is; otherwise fills `problem`.
bool check_utf8(std::string_view bytes, Utf8Problem& problem);

// Code points in a well-formed UTF-8 text (continuation bytes are not counted).
std::size_t count_code_points(std::string_view bytes);

// Appends the UTF-8 encoding of `code_point` to `out`.
void append_utf8(unsigned code_point, std::string& out);

}  // namespace conform::codec
