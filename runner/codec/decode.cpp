#include "codec/decode.hpp"

#include <utility>

#include "codec/form_decoder.hpp"
#include "codec/json_reader.hpp"
#include "codec/sniff.hpp"
#include "codec/table_source_map.hpp"
#include "codec/xml_decoder.hpp"
#include "codec/xml_rules.hpp"

namespace conform::codec {

Decoded decode(std::string_view bytes, const DecodeOptions& options) {
  Decoded decoded;
  if (options.format == Format::json) {
    decoded.ok = parse_json(bytes, options.limits, decoded.value, decoded.findings);
    // Parse first (the hot path pays nothing more); when it fails and the bytes are
    // another format, saying so helps more than a syntax error at 1:1.
    if (!decoded.ok) {
      if (auto mismatch = format_mismatch(bytes, Format::json, options.media_type)) {
        decoded.findings.assign(1, std::move(*mismatch));
      }
    }
    decoded.source_map = make_json_source_map(bytes);
    return decoded;
  }
  auto map = std::make_shared<TableSourceMap>(std::string(bytes));
  decoded.source_map = map;
  if (auto mismatch = format_mismatch(bytes, options.format, options.media_type)) {
    decoded.findings.push_back(std::move(*mismatch));
    return decoded;
  }
  const SchemaView schema(options.schema, options.resolver);
  if (options.format == Format::xml) {
    static const XmlRules permissive;
    const XmlRules& rules = options.xml_rules != nullptr ? *options.xml_rules : permissive;
    decoded.ok =
        decode_xml(bytes, rules, schema, options.limits, decoded.value, decoded.findings, *map);
  } else {
    decoded.ok = decode_form(bytes, schema, options.limits, decoded.value, decoded.findings, *map);
  }
  return decoded;
}

}  // namespace conform::codec
