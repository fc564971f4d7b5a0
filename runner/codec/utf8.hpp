// utf8: the byte-level checks every codec runs before it trusts text (UTF-8, NUL bytes).
#pragma once

#include <cstddef>
#include <string>
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

// `bytes` as well-formed UTF-8: each byte that does not belong to a well-formed sequence
// becomes U+FFFD. What conform writes (findings, excerpts, reports) goes through this where it
// comes from outside, so no output of conform contains invalid UTF-8. NUL bytes stay.
std::string valid_utf8(std::string_view bytes);

// True when decoded JSON string bytes hold an encoded UTF-16 surrogate (ED A0..BF). RapidJSON
// 1.1.0 refuses a lone high surrogate escape ("\ud800") but encodes a lone low one ("\udc00")
// as ED B0 80, which is not UTF-8: a reader of UTF-8-checked text refuses such a string.
bool has_encoded_surrogate(const char* s, std::size_t n);

// Code points in a well-formed UTF-8 text (continuation bytes are not counted).
std::size_t count_code_points(std::string_view bytes);

// Appends the UTF-8 encoding of `code_point` to `out`.
void append_utf8(unsigned code_point, std::string& out);

}  // namespace conform::codec
