// decode: bytes in one of three encodings -> one JSON value, with findings and a map back
// to the source. XML and form bodies are read by the schema's types (DESIGN.md).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "codec/limits.hpp"
#include "codec/rapidjson.hpp"
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
  // Required for XML: the message's XML rules.
  const XmlRules* xml_rules = nullptr;
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

Decoded decode(std::string_view bytes, const DecodeOptions& options);

}  // namespace conform::codec
