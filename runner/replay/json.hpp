// Json: an immutable, shareable JSON value copied out of a case file.
#pragma once

#include <memory>
#include <string>

#include "codec/rapidjson.hpp"

namespace conform::replay {

using Json = std::shared_ptr<const rapidjson::Document>;

// A deep copy of `value` that outlives the document it came from.
Json copy_json(const rapidjson::Value& value);

// Compact JSON text of `value` (for messages and bodies).
std::string to_json_text(const rapidjson::Value& value);

// The value at a JSON Pointer ("" is the root); nullptr when it is absent or malformed.
const rapidjson::Value* resolve_pointer(const rapidjson::Value& root, const std::string& pointer);

// "string", "integer", "number", "boolean", "null", "object" or "array".
const char* json_type_name(const rapidjson::Value& value);

}  // namespace conform::replay
