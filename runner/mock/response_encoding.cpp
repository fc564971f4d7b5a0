#include "mock/response_encoding.hpp"

#include "codec/encode.hpp"
#include "codec/xml_rules.hpp"
#include "mock/json_pointer.hpp"

namespace conform::mock {

void encode_response(const vendor::Catalog& catalog, const vendor::Manifest& manifest,
                     const vendor::MessageSpec* message, Format format,
                     const rapidjson::Value& body, MockResponse& response) {
  if (format == Format::xml) {
    codec::EncodeOptions options;
    options.format = Format::xml;
    std::shared_ptr<const schema::Schema> schema;
    std::shared_ptr<const codec::XmlRules> rules;
    if (message) {
      schema = catalog.schema(manifest, *message);
      rules = catalog.xml_rules(manifest, *message);
    }
    options.schema = schema ? &schema->document() : nullptr;
    options.xml_rules = rules.get();
    codec::Encoded encoded = codec::encode(body, options);
    if (encoded.ok) {
      response.content_type = "application/xml; charset=utf-8";
      response.body = std::move(encoded.bytes);
      return;
    }
    // A value the XML rules cannot carry is answered in JSON rather than not at all.
  }
  response.content_type = "application/json; charset=utf-8";
  response.body = to_json(body);
}

}  // namespace conform::mock
