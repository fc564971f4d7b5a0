// payload_check: one payload's bytes -> decoded, validated, findings placed in the source.
#pragma once

#include <memory>
#include <string_view>

#include "codec/schema_view.hpp"
#include "codec/source_map.hpp"
#include "contracts/catalog.hpp"
#include "model/result.hpp"
#include "schema/schema.hpp"

namespace conform::contracts {

// One payload through the pipeline: what its bytes decoded to, and the verdict on it.
struct CheckedPayload {
  // The verdict and the findings, as MessageChecker::check gives them. The decoder's findings
  // have no schema_path (Finding: no schema was involved); the schema's have one.
  PayloadResult result;
  // The format the bytes were read as.
  Format format = Format::json;
  // The decoded value; null when the bytes could not be read (result says why), and for
  // XML without the message's XML rules.
  std::shared_ptr<const rapidjson::Document> value;
};

// The one path a payload of a vendor takes (the mock's requests, replay's responses, drift's
// snapshots): decodes `bytes` in options.format (else the format of options.media_type,
// else the format the bytes look like), checks the value against `message` and places the
// findings in the source. With no message (a status the vendor does not document) or a
// message without a body, the bytes are decoded only, with no schema: findings are then the
// decoder's (and, for a message without a body, that there is one). Throws what
// Catalog::schema and Catalog::xml_rules throw for a broken contract.
CheckedPayload check_payload(const Catalog& catalog, const Manifest& vendor,
                             const MessageSpec* message, std::string_view bytes,
                             const CheckOptions& options = {});

// The format the bytes look like: XML, a form, else JSON (whose decoder explains best what
// is wrong with empty, binary or plain-text bodies).
Format likely_format(std::string_view bytes);

// Decodes `bytes` (in options.format, or the format the bytes look like), validates the
// value against `schema`, and gives every finding its line, column and (for XML) XPath.
// `xml_rules` is null when the message has no XML form; `resolver` finds the other schema
// files the schema refers to, for XML and form bodies. `file` and `line` stay empty.
PayloadResult check_payload(std::string_view bytes, const schema::Schema& schema,
                            const codec::XmlRules* xml_rules, const CheckOptions& options,
                            const codec::SchemaResolver& resolver = {});

// The same, keeping the decoded value (decoded with codec::decode, whose findings
// check_payload's JSON reader matches).
CheckedPayload check_payload_keeping_value(std::string_view bytes, const schema::Schema* schema,
                                           const codec::XmlRules* xml_rules,
                                           const CheckOptions& options,
                                           const codec::SchemaResolver& resolver = {});

// Gives `finding` the line, column and length of its pointer in the source (of the member's
// name where the finding is about a name), and its XPath when it has none.
void place(Finding& finding, const codec::SourceMap& source_map);

// The format `bytes` are read as under `options`: options.format, else the format of
// options.media_type, else likely_format.
Format format_to_read(std::string_view bytes, const CheckOptions& options);

}  // namespace conform::contracts
