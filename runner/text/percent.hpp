// Hex digits and percent-encoding (RFC 3986, and the '+' of HTML forms): the one copy every
// module uses for query strings, form bodies, URI fragments and chunk sizes.
#pragma once

#include <string>
#include <string_view>

namespace conform::text {

// The value of one hex digit (either case), or -1.
int hex_digit_value(char c);

// RFC 3986: everything but unreserved characters as %XX (upper-case hex).
std::string percent_encode(std::string_view text);

// %XX to bytes, and '+' to a space when `form` (application/x-www-form-urlencoded).
// A malformed escape is kept as written.
std::string percent_decode(std::string_view text, bool form);

// %XX to bytes (a URI fragment carries a JSON Pointer this way). Returns false when an
// escape is malformed.
bool percent_decode_exact(std::string_view text, std::string& out);

}  // namespace conform::text
