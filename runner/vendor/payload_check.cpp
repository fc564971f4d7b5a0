#include "vendor/payload_check.hpp"

#include <string>

#include "codec/decode.hpp"
#include "codec/sniff.hpp"
#include "codec/xml_rules.hpp"

namespace conform::vendor {
namespace {

PayloadResult rejected(Finding finding) {
  PayloadResult result;
  result.valid = false;
  result.findings.push_back(std::move(finding));
  return result;
}

Finding content_finding(std::string message) {
  Finding f;
  f.keyword = "content-type";
  f.message = std::move(message);
  return f;
}

}  // namespace

Format likely_format(std::string_view bytes) {
  switch (codec::sniff(bytes)) {
    case codec::Sniffed::xml:
      return Format::xml;
    case codec::Sniffed::form:
      return Format::form;
    default:  // JSON, and what JSON decoding explains best (empty, binary, plain text)
      return Format::json;
  }
}

PayloadResult check_payload(std::string_view bytes, const schema::Schema& schema,
                            const codec::XmlRules* xml_rules, const CheckOptions& options) {
  const Format format = options.format ? *options.format : likely_format(bytes);
  if (auto mismatch = codec::format_mismatch(bytes, format)) return rejected(*mismatch);
  if (format == Format::xml && xml_rules == nullptr) {
    return rejected(content_finding("the body is XML, but this message has no XML form"));
  }

  codec::DecodeOptions decode_options;
  decode_options.format = format;
  decode_options.schema = &schema.document();
  decode_options.xml_rules = xml_rules;
  decode_options.limits = options.limits;
  codec::Decoded decoded = codec::decode(bytes, decode_options);

  PayloadResult result;
  result.findings = std::move(decoded.findings);
  if (decoded.ok) {
    schema::ValidateOptions validate_options;
    validate_options.strict = options.strict;
    const std::size_t first_schema_finding = result.findings.size();
    schema.validate(decoded.value, &result.findings, validate_options);
    if (decoded.source_map) {
      for (std::size_t i = first_schema_finding; i < result.findings.size(); ++i) {
        Finding& f = result.findings[i];
        const bool about_name = f.keyword == "additionalProperties" || f.keyword == "propertyNames";
        const codec::Location at = about_name ? decoded.source_map->locate_name(f.pointer)
                                              : decoded.source_map->locate(f.pointer);
        f.line = at.line;
        f.column = at.column;
        f.length = at.length;
        if (f.xpath.empty()) f.xpath = at.xpath;
      }
    }
  }
  result.valid = !has_errors(result.findings);
  return result;
}

}  // namespace conform::vendor
