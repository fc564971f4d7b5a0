// JSON Pointers (RFC 6901): building them for findings and following them inside schemas.
#pragma once

#include <string>
#include <string_view>

#include "codec/rapidjson.hpp"

namespace conform::schema {

// Appends "/" and `token`, escaping "~" as "~0" and "/" as "~1".
void append_pointer_token(std::string& pointer, std::string_view token);

// Decodes "%XX" escapes (URI fragments carry pointers percent-encoded). Returns false when
// an escape is malformed.
bool percent_decode(std::string_view text, std::string& out);

// The value at `pointer` (already percent-decoded) under `root`, or nullptr when the
// pointer is malformed or names nothing. Empty tokens and array indices work as RFC 6901
// says ("/" names the member with the empty name).
const rapidjson::Value* resolve_pointer(const rapidjson::Value& root, std::string_view pointer);

}  // namespace conform::schema
