// json_pointer: RFC 6901 lookups and small JSON helpers the mock uses on decoded values.
#pragma once

#include <string>
#include <string_view>

#include "codec/rapidjson.hpp"

namespace conform::mock {

// The value at `pointer` ("" is the whole value); nullptr when there is none.
const rapidjson::Value* find_pointer(const rapidjson::Value& root, std::string_view pointer);

// "/tags/order_number" -> "tags.order_number", the way vendors name fields in errors.
std::string field_name(std::string_view pointer);

// Compact JSON text of a value.
std::string to_json(const rapidjson::Value& value);

// Compact JSON text that is valid UTF-8 whatever bytes its strings hold: each invalid
// sequence becomes U+FFFD (the writer escapes control characters, not bad bytes).
std::string utf8_json(const rapidjson::Value& value);

// A value as text: strings as they are, anything else as JSON.
std::string to_text(const rapidjson::Value& value);

}  // namespace conform::mock
