#include "codec/encode.hpp"

#include <rapidjson/prettywriter.h>

#include "codec/form_encoder.hpp"
#include "codec/xml_encoder.hpp"
#include "codec/xml_rules.hpp"

namespace conform::codec {

Encoded encode(const rapidjson::Value& value, const EncodeOptions& options) {
  Encoded encoded;
  switch (options.format) {
    case Format::json: {
      rapidjson::StringBuffer buffer;
      rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
      writer.SetIndent(' ', 2);
      encoded.ok = value.Accept(writer);
      encoded.bytes.assign(buffer.GetString(), buffer.GetSize());
      encoded.bytes += '\n';
      break;
    }
    case Format::xml: {
      static const XmlRules permissive;
      const SchemaView schema(options.schema, options.resolver);
      encoded.ok = encode_xml(value, options.xml_rules != nullptr ? *options.xml_rules : permissive,
                              schema, encoded.bytes, encoded.findings);
      break;
    }
    case Format::form:
      encoded.ok = encode_form(value, encoded.bytes, encoded.findings);
      break;
  }
  return encoded;
}

}  // namespace conform::codec
