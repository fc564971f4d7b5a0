// SchemaView: reads a JSON Schema document for what the XML and form decoders need to
// know about a value: its types, a property's subschema, an array's items.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "codec/rapidjson.hpp"

namespace conform::codec {

// Returns the root of the schema document a cross-file "$ref" names ("common.json" from
// "common.json#/definitions/x", as written), or nullptr when it cannot.
using SchemaResolver = std::function<const rapidjson::Value*(std::string_view document_uri)>;

// JSON types as bits, so "type": ["string", "null"] is one value.
enum TypeBits : unsigned {
  kTypeNull = 1,
  kTypeBoolean = 2,
  kTypeInteger = 4,
  kTypeNumber = 8,  // any number; "number" allows integers too
  kTypeString = 16,
  kTypeArray = 32,
  kTypeObject = 64,
  kTypeAny = 127,
};

// A subschema and the document its local "$ref"s resolve in.
struct SchemaNode {
  const rapidjson::Value* value = nullptr;  // nullptr: nothing is known (any value)
  const rapidjson::Value* document = nullptr;
  explicit operator bool() const { return value != nullptr; }
};

class SchemaView {
 public:
  SchemaView(const rapidjson::Value* root, SchemaResolver resolver);

  SchemaNode root() const { return {root_, root_}; }
  // The types `node` allows (kTypeAny when it does not say).
  unsigned types(SchemaNode node) const;
  // The subschema of member `name`: from "properties", else an "additionalProperties"
  // schema; also looks inside allOf/anyOf/oneOf. Empty when unknown.
  SchemaNode property(SchemaNode node, std::string_view name) const;
  // True when `node` lists `name` under "properties" (directly or in allOf/anyOf/oneOf).
  bool declares(SchemaNode node, std::string_view name) const;
  // The "items" subschema of an array schema. Empty when unknown.
  SchemaNode items(SchemaNode node) const;

 private:
  SchemaNode resolve(SchemaNode node) const;
  const rapidjson::Value* root_;
  SchemaResolver resolver_;
};

}  // namespace conform::codec
