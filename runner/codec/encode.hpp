// encode: one JSON value -> bytes in any of the three encodings, by the same XML rules and
// schema types that decode reads them with (decode(encode(v)) == v).
#pragma once

#include <string>

#include "codec/rapidjson.hpp"
#include "codec/schema_view.hpp"
#include "model/finding.hpp"
#include "model/format.hpp"

namespace conform::codec {

class XmlRules;

struct EncodeOptions {
  Format format = Format::json;
  // The message's schema root and cross-file resolver (as in DecodeOptions).
  const rapidjson::Value* schema = nullptr;
  SchemaResolver resolver;
  // Required for XML to get the vendor's root, namespaces and order; without them the
  // root is <root> and children keep the value's order.
  const XmlRules* xml_rules = nullptr;
};

struct Encoded {
  bool ok = false;  // false when the value cannot be written (then findings say why)
  std::string bytes;
  Findings findings;  // also warnings: what will not read back the same
};

// JSON is indented two spaces; XML two spaces per level; a form is one line. Each ends
// in a line break except the form (a body, byte for byte).
Encoded encode(const rapidjson::Value& value, const EncodeOptions& options);

}  // namespace conform::codec
