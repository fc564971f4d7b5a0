// utf8: the byte-level UTF-8 helpers every module shares: the checks a codec runs before it
// trusts text (UTF-8, NUL bytes), and the clean-up of outside bytes before conform writes them
// (findings, reports, logs).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace conform::text {

// What is wrong with the first bad byte of a text, if any.
struct Utf8Problem {
  std::size_t offset = 0;  // byte offset of the first bad byte
  bool nul = false;        // a NUL byte (valid UTF-8, but never valid text here)
};

// Checks `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above
// U+10FFFF) without NUL bytes. Returns true when it is; otherwise fills `problem`.
bool check_utf8(std::string_view bytes, Utf8Problem& problem);

// U+FFFD, what every unusable byte sequence becomes.
inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// `bytes` as well-formed UTF-8: each byte that does not belong to a well-formed sequence
// (stray continuation, overlong form, surrogate, beyond U+10FFFF, truncated) becomes U+FFFD.
// What conform writes (findings, excerpts, reports) goes through this where it comes from
// outside, so no output of conform contains invalid UTF-8. Control characters and NUL stay.
std::string valid_utf8(std::string_view bytes);

// Valid UTF-8 that XML 1.0, YAML and a terminal accept: additionally every control
// character but tab, line feed and carriage return (C0, DEL, C1) and the non-characters
// U+FFFE/U+FFFF become U+FFFD.
std::string printable_text(std::string_view bytes);

// Shortens to at most `max_bytes` on a UTF-8 boundary, appending "…" when cut.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

// True when decoded JSON string bytes hold an encoded UTF-16 surrogate (ED A0..BF). RapidJSON
// 1.1.0 refuses a lone high surrogate escape ("\ud800") but encodes a lone low one ("\udc00")
// as ED B0 80, which is not UTF-8: a reader of UTF-8-checked text refuses such a string.
bool has_encoded_surrogate(const char* s, std::size_t n);

// Code points in a well-formed UTF-8 text (continuation bytes are not counted).
std::size_t count_code_points(std::string_view bytes);

// Appends the UTF-8 encoding of `code_point` to `out`.
void append_utf8(unsigned code_point, std::string& out);

}  // namespace conform::text
