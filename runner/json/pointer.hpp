// JSON Pointers (RFC 6901) as text: building them for findings and splitting them into the
// member names and indices they stand for. Following one into a value is codec's
// resolve_pointer (it needs the JSON library).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conform::json {

// "a/b~c" -> "a~1b~0c": the token as it stands in a pointer.
std::string escape_token(std::string_view token);

// Appends "/" and `token` escaped to `pointer`.
void append_token(std::string& pointer, std::string_view token);

// `pointer` with "/" and `token` escaped appended.
std::string child_pointer(std::string_view pointer, std::string_view token);

// "a~1b~0c" -> "a/b~c". Returns false on a "~" not followed by 0 or 1.
bool unescape_token(std::string_view raw, std::string& token);

// "/a~1b/0" -> {"a/b", "0"}; "" -> {} (the whole document). Nullopt when `pointer` is not a
// JSON Pointer (no leading "/", a bad "~" escape).
std::optional<std::vector<std::string>> split_pointer(std::string_view pointer);

// An array index token: decimal digits without a leading zero (RFC 6901 section 4), at most
// `max`. Returns false otherwise.
bool parse_index(std::string_view token, std::size_t max, std::size_t& index);

}  // namespace conform::json
