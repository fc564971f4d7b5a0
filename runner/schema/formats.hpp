// The "format" keyword: hand-written checkers for the formats conform asserts. Each runs in
// one pass over the string and allocates nothing (except "regex", which compiles its value).
#pragma once

#include <cstdint>
#include <string_view>

namespace conform::schema {

enum class FormatKind : std::uint8_t {
  none,  // unknown formats are annotations only
  date_time,
  date,
  time,
  email,
  hostname,
  ipv4,
  ipv6,
  uri,
  uri_reference,
  uuid,
  json_pointer,
  relative_json_pointer,
  regex,
  idn_hostname,
  idn_email,
  iri,
  iri_reference,
  uri_template,
};

FormatKind format_kind(std::string_view name);

// "email address", "date-time (RFC 3339)", ... for messages.
const char* format_description(FormatKind kind);

bool check_format(FormatKind kind, std::string_view value);

}  // namespace conform::schema
