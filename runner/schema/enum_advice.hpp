// enum_advice: what an "enum" finding tells the sender, beyond "not one of the allowed values":
// the number to send for a name ("x-enumNames", the .NET convention of naming an integer
// enum's values), or the allowed value in the right case, or the nearest one.
#pragma once

#include "codec/rapidjson.hpp"
#include "model/finding.hpp"
#include "schema/node.hpp"

namespace conform::schema {

// Fills message, expected and actual of the enum finding for `instance`, which is not one of
// node.enum_values (and may not be of the node's type: then this is the only finding).
void describe_enum_failure(const Node& node, const rapidjson::Value& instance, Finding& f);

}  // namespace conform::schema
