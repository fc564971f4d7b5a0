// ASCII case: header names, media types, member names and URL schemes compare without case.
// Only A-Z and a-z fold; other bytes (UTF-8 included) stay as they are, whatever the locale.
#pragma once

#include <string>
#include <string_view>

namespace conform::text {

// `text` with A-Z as a-z.
std::string to_lower_ascii(std::string_view text);

// True when `a` and `b` differ at most in the case of ASCII letters.
bool equals_ignoring_case(std::string_view a, std::string_view b);

// Whether the comma-separated list `list` (an HTTP header's value: "keep-alive, Upgrade")
// holds `token`, ignoring case and the spaces around each item.
bool list_has_token(std::string_view list, std::string_view token);

}  // namespace conform::text
