// payload_check: one payload's bytes -> decoded, validated, findings placed in the source.
#pragma once

#include <string_view>

#include "codec/schema_view.hpp"
#include "contracts/catalog.hpp"
#include "model/result.hpp"
#include "schema/schema.hpp"

namespace conform::contracts {

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

}  // namespace conform::contracts
