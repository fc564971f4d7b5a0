// decode: bytes in one of three encodings -> one JSON value, with findings and a map back
// to the source. XML and form bodies are read by the schema's types: "007" stays a string
// where the schema says string.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "codec/limits.hpp"
#include "codec/rapidjson.hpp"
#include "codec/schema_view.hpp"
#include "codec/source_map.hpp"
#include "model/finding.hpp"
#include "model/format.hpp"

namespace conform::codec {

class XmlRules;

struct DecodeOptions {
  Format format = Format::json;
  // Root of the message's JSON Schema document: guides XML and form decoding by type
  // (`<Enabled>true</Enabled>` -> true). Local "$ref"s inside it are followed.
  const rapidjson::Value* schema = nullptr;
  // Resolves "$ref"s to other schema files ("errors.schema.json#/definitions/x"): returns
  // the root of the named document. Without it such refs read as "any type".
  SchemaResolver resolver;
  // The message's XML rules. Without them XML is read permissively: any root, any order,
  // repeated siblings for lists, no namespace checks.
  const XmlRules* xml_rules = nullptr;
  // The content type the bytes were declared with, quoted when they look like another
  // format ("the body is JSON but was declared application/x-www-form-urlencoded");
  // empty: the format's usual media type.
  std::string media_type;
  Limits limits;
};

struct Decoded {
  // True when `value` holds the payload; false when the bytes could not be read at all
  // (then `findings` says why).
  bool ok = false;
  rapidjson::Document value;
  // Findings from decoding: syntax errors, sniffed format mismatches, XML rules, limits.
  Findings findings;
  // Where each JSON Pointer into `value` stands in the source bytes.
  std::shared_ptr<const SourceMap> source_map;
};

// JSON: RapidJSON, iterative, with duplicate keys, UTF-8, NUL bytes, a BOM and Limits
// checked. XML: pugixml without DTDs or entity expansion, read by XML rules and schema
// types. Form: key=value pairs read by schema types. Bytes that clearly are another format
// than options.format give one "content-type" finding and ok = false.
Decoded decode(std::string_view bytes, const DecodeOptions& options);

}  // namespace conform::codec
