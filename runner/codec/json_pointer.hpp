// Following a JSON Pointer (RFC 6901) into a RapidJSON value: the one resolver every module
// uses (the pointer text itself is json/pointer.hpp).
#pragma once

#include <string_view>

#include "codec/rapidjson.hpp"

namespace conform::codec {

// The value at `pointer` (already percent-decoded) under `root`, or nullptr when the
// pointer is malformed or names nothing. "" is `root`; empty tokens and array indices work as
// RFC 6901 says ("/" names the member with the empty name).
const rapidjson::Value* resolve_pointer(const rapidjson::Value& root, std::string_view pointer);

}  // namespace conform::codec
