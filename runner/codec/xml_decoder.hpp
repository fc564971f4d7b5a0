// xml_decoder: XML bytes -> the JSON value model, read by the message's XML rules and
// the schema's types; findings carry an indexed XPath and line:column.
#pragma once

#include <string_view>

#include "codec/limits.hpp"
#include "codec/rapidjson.hpp"
#include "codec/schema_view.hpp"
#include "codec/table_source_map.hpp"
#include "codec/xml_rules.hpp"
#include "model/finding.hpp"

namespace conform::codec {

// Returns false when the bytes are not usable XML (not well-formed, a DOCTYPE, wrong
// root, over a limit); XML rule violations (order, namespaces, unknown attributes,
// booleans, ...) are error findings on a value that is still decoded. Keywords start
// with "xml-" ("xml-order", "xml-namespace", "xml-boolean", ...).
bool decode_xml(std::string_view bytes, const XmlRules& rules, const SchemaView& schema,
                const Limits& limits, rapidjson::Document& out, Findings& findings,
                TableSourceMap& map);

}  // namespace conform::codec
