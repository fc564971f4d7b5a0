// The contents of a JSON string and back (the secret masker finds and rewrites secrets in this
// form; XML character data is text/markup.hpp, percent-encoding text/percent.hpp).
#pragma once

#include <string>
#include <string_view>

namespace conform::json {

// The contents of a JSON string for `text` (no quotes): " \ and control characters escaped.
std::string json_escape(std::string_view text);

// The text a JSON string's contents stand for (`body` without its quotes). Malformed escapes
// are kept as written.
std::string json_unescape(std::string_view body);

}  // namespace conform::json
