// xml_annotations: the OpenAPI "xml" objects of a message's schema components, from its XML
// rules, so a tool that writes XML from the document writes what the vendor reads: element
// names, namespaces, wrapped lists and their item names. Enum names (an XML encoding of
// integers) have no OpenAPI form; docs/openapi.md lists what the rules say beyond these.
#pragma once

#include <string>

#include "codec/rapidjson.hpp"
#include "codec/xml_rules.hpp"

namespace conform::openapi {

// Annotates the component `name` of `schemas` (components/schemas: name -> schema) and the
// components its properties reach through "#/components/schemas/..." refs, following `rules`
// from the root element down.
void annotate_xml(rapidjson::Value& schemas, const std::string& name, const codec::XmlRules& rules,
                  rapidjson::Document::AllocatorType& allocator);

}  // namespace conform::openapi
