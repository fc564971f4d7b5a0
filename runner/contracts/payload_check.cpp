#include "contracts/payload_check.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_set>

#include "codec/decode.hpp"
#include "codec/json_reader.hpp"
#include "codec/json_source_map.hpp"
#include "codec/scalar_text.hpp"
#include "codec/sniff.hpp"
#include "codec/xml_rules.hpp"
#include "text/utf8.hpp"

namespace conform::contracts {
namespace {

constexpr std::size_t kKeptReaderBytes = std::size_t{1} << 20;

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

// A value whose XML or form text the decoder refused is one finding, the decoder's: the
// schema findings at the same place (type, enum) go.
void drop_repeats_of_value_text(Findings& findings, std::size_t first_schema_finding) {
  std::unordered_set<std::string> refused;
  for (std::size_t i = 0; i < first_schema_finding; ++i) {
    if (codec::is_value_text_finding(findings[i].keyword)) refused.insert(findings[i].pointer);
  }
  if (refused.empty()) return;
  findings.erase(
      std::remove_if(findings.begin() + static_cast<std::ptrdiff_t>(first_schema_finding),
                     findings.end(),
                     [&](const Finding& f) { return refused.count(f.pointer) > 0; }),
      findings.end());
}

// Validates `value` and gives each schema finding its place in the source.
void validate_placed(const rapidjson::Value& value, const codec::SourceMap& source_map,
                     const schema::Schema& schema, const CheckOptions& options,
                     PayloadResult& result) {
  schema::ValidateOptions validate_options;
  validate_options.strict = options.strict;
  const std::size_t first_schema_finding = result.findings.size();
  schema.validate(value, &result.findings, validate_options);
  drop_repeats_of_value_text(result.findings, first_schema_finding);
  // Only the findings reported are placed in the source.
  result.valid = !has_errors(result.findings);
  cap_findings(result, options.max_findings);
  for (std::size_t i = first_schema_finding; i < result.findings.size(); ++i) {
    place(result.findings[i], source_map);
  }
}

// JSON as codec::decode reads it (the same findings; check_payload has already ruled out
// bytes of another format), through a reader each thread keeps: it parses in place into a
// reused arena, where decode() allocates a fresh document.
PayloadResult check_json(std::string_view bytes, const schema::Schema& schema,
                         const CheckOptions& options) {
  struct ThreadReader {
    codec::Limits limits;
    std::unique_ptr<codec::JsonReader> reader;
  };
  thread_local ThreadReader mine;
  // A reader keeps its largest payload's memory: a large one gets a reader of its own, so a
  // server's threads do not each keep a copy of the largest body they ever saw.
  std::unique_ptr<codec::JsonReader> own;
  codec::JsonReader* reader = nullptr;
  if (bytes.size() > kKeptReaderBytes) {
    own = std::make_unique<codec::JsonReader>(options.limits);
    reader = own.get();
  } else {
    if (!mine.reader || mine.limits != options.limits) {
      mine.reader = std::make_unique<codec::JsonReader>(options.limits);
      mine.limits = options.limits;
    }
    reader = mine.reader.get();
  }
  PayloadResult result;
  if (reader->read(bytes, result.findings)) {
    validate_placed(reader->value(), codec::JsonSourceMap(std::string(bytes)), schema, options,
                    result);
  } else {
    result.valid = false;
    cap_findings(result, options.max_findings);
  }
  return result;
}

// Findings quote the payload (its names, values, tokens), which need not be UTF-8; every
// output of conform must be.
PayloadResult with_valid_utf8(PayloadResult result) {
  for (Finding& f : result.findings) {
    for (std::string* text : {&f.pointer, &f.xpath, &f.message}) *text = text::valid_utf8(*text);
    if (f.expected) f.expected = text::valid_utf8(*f.expected);
    if (f.actual) f.actual = text::valid_utf8(*f.actual);
  }
  return result;
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

void place(Finding& finding, const codec::SourceMap& source_map) {
  const bool about_name =
      finding.keyword == "additionalProperties" || finding.keyword == "propertyNames";
  const codec::Location at =
      about_name ? source_map.locate_name(finding.pointer) : source_map.locate(finding.pointer);
  finding.line = at.line;
  finding.column = at.column;
  finding.length = at.length;
  if (finding.xpath.empty()) finding.xpath = at.xpath;
}

Format format_to_read(std::string_view bytes, const CheckOptions& options) {
  if (options.format) return *options.format;
  if (!options.media_type.empty()) {
    if (const auto declared = format_of_media_type(options.media_type)) return *declared;
  }
  return likely_format(bytes);
}

PayloadResult check_payload(std::string_view bytes, const schema::Schema& schema,
                            const codec::XmlRules* xml_rules, const CheckOptions& options,
                            const codec::SchemaResolver& resolver) {
  const Format format = format_to_read(bytes, options);
  if (format != Format::json) {
    return check_payload_keeping_value(bytes, &schema, xml_rules, options, resolver).result;
  }
  if (auto mismatch = codec::format_mismatch(bytes, format, options.media_type)) {
    return rejected(*mismatch);
  }
  return with_valid_utf8(check_json(bytes, schema, options));
}

CheckedPayload check_payload_keeping_value(std::string_view bytes, const schema::Schema* schema,
                                           const codec::XmlRules* xml_rules,
                                           const CheckOptions& options,
                                           const codec::SchemaResolver& resolver) {
  CheckedPayload checked;
  checked.format = format_to_read(bytes, options);
  if (auto mismatch = codec::format_mismatch(bytes, checked.format, options.media_type)) {
    checked.result = rejected(*mismatch);
    return checked;
  }
  if (checked.format == Format::xml && xml_rules == nullptr && schema != nullptr) {
    checked.result = rejected(content_finding("the body is XML, but this message has no XML form"));
    return checked;
  }

  codec::DecodeOptions decode_options;
  decode_options.format = checked.format;
  decode_options.schema = schema ? &schema->document() : nullptr;
  decode_options.xml_rules = xml_rules;
  // JSON needs no types to decode; copying the resolver would cost every payload.
  if (checked.format != Format::json) decode_options.resolver = resolver;
  decode_options.media_type = options.media_type;
  decode_options.limits = options.limits;
  codec::Decoded decoded = codec::decode(bytes, decode_options);

  PayloadResult& result = checked.result;
  result.findings = std::move(decoded.findings);
  if (decoded.ok && schema) {
    validate_placed(decoded.value, *decoded.source_map, *schema, options, result);
  } else {
    result.valid = decoded.ok && !has_errors(result.findings);
    cap_findings(result, options.max_findings);
  }
  result = with_valid_utf8(std::move(result));
  if (decoded.ok) {
    auto value = std::make_shared<rapidjson::Document>();
    value->Swap(decoded.value);
    checked.value = std::move(value);
  }
  return checked;
}

}  // namespace conform::contracts
