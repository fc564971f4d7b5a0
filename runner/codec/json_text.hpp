// A RapidJSON value written back as compact JSON text, for messages, templates and reports.
#pragma once

#include <string>

#include "codec/rapidjson.hpp"

namespace conform::codec {

// Compact JSON text of a value.
std::string to_json_text(const rapidjson::Value& value);

// Compact JSON text that is valid UTF-8 whatever bytes its strings hold: each invalid
// sequence becomes U+FFFD (the writer escapes control characters, not bad bytes).
std::string to_utf8_json_text(const rapidjson::Value& value);

// A value as text: strings as they are, anything else as JSON.
std::string to_plain_text(const rapidjson::Value& value);

}  // namespace conform::codec
