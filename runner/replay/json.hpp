// Json: an immutable, shareable JSON value copied out of a case file.
#pragma once

#include <memory>
#include <string>

#include "codec/json_pointer.hpp"
#include "codec/json_text.hpp"
#include "codec/rapidjson.hpp"

namespace conform::replay {

using Json = std::shared_ptr<const rapidjson::Document>;

// A deep copy of `value` that outlives the document it came from.
Json copy_json(const rapidjson::Value& value);

using codec::resolve_pointer;
using codec::to_json_text;

// "string", "integer", "number", "boolean", "null", "object" or "array".
const char* json_type_name(const rapidjson::Value& value);

}  // namespace conform::replay
