// xml_encoder: a JSON value -> XML by the message's XML rules (namespaces, child order,
// list encodings, enum names, xsi:nil) and the schema's types.
#pragma once

#include <string>

#include "codec/rapidjson.hpp"
#include "codec/schema_view.hpp"
#include "codec/xml_rules.hpp"
#include "model/finding.hpp"

namespace conform::codec {

// Appends the XML text to `out`, indented two spaces per level. Values XML cannot carry
// under these rules (a list nested in a list, a member name that is no XML name, an empty
// repeated list) are findings; returns false when any is an error.
bool encode_xml(const rapidjson::Value& value, const XmlRules& rules, const SchemaView& schema,
                std::string& out, Findings& findings);

}  // namespace conform::codec
