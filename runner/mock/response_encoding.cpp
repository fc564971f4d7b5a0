#include "mock/response_encoding.hpp"

#include "codec/encode.hpp"
#include "codec/json_text.hpp"
#include "codec/xml_rules.hpp"
#include "contracts/schema_resolver.hpp"
#include "text/utf8.hpp"

namespace conform::mock {

void encode_response(const contracts::Catalog& catalog, const contracts::Manifest& manifest,
                     const contracts::MessageSpec* message, Format format,
                     const rapidjson::Value& body, MockResponse& response) {
  // Only a message with XML rules has an XML form (its root and list items); the vendor's
  // other messages are JSON whatever the client asked for.
  const auto rules =
      format == Format::xml && message ? catalog.xml_rules(manifest, *message) : nullptr;
  if (rules) {
    const auto schema = catalog.schema(manifest, *message);
    codec::EncodeOptions options;
    options.format = Format::xml;
    options.schema = schema ? &schema->document() : nullptr;
    options.xml_rules = rules.get();
    options.resolver = contracts::schema_resolver(catalog, manifest);
    codec::Encoded encoded = codec::encode(body, options);
    if (encoded.ok) {
      response.content_type = "application/xml; charset=utf-8";
      // Strings from the request (a path, an id) may hold any byte; XML 1.0 takes no
      // control characters and the charset promises UTF-8.
      response.body = text::printable_text(encoded.bytes);
      return;
    }
    // A value the XML rules cannot carry is answered in JSON rather than not at all.
  }
  response.content_type = "application/json; charset=utf-8";
  response.body = codec::to_utf8_json_text(body);
}

}  // namespace conform::mock
