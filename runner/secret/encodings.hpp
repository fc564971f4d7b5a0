// Encodings a secret can take in text conform shows: JSON string contents, XML character
// data, percent-encoding (RFC 3986 and forms), and back.
#pragma once

#include <string>
#include <string_view>

namespace conform::secret {

// The contents of a JSON string for `text` (no quotes): " \ and control characters escaped.
std::string json_escape(std::string_view text);

// The text a JSON string's contents stand for (`body` without its quotes). Malformed escapes
// are kept as written.
std::string json_unescape(std::string_view body);

// & < > " ' as entities.
std::string xml_escape(std::string_view text);

// The five predefined entities and &#N; / &#xN; back to text; anything else as written.
std::string xml_unescape(std::string_view text);

// RFC 3986: everything but unreserved characters as %XX (upper-case hex).
std::string percent_encode(std::string_view text);

// %XX to bytes, and '+' to a space when `form` (application/x-www-form-urlencoded).
// A malformed escape is kept as written.
std::string percent_decode(std::string_view text, bool form);

}  // namespace conform::secret
