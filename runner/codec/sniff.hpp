// sniff: what a body's bytes look like, whatever its content type claims.
#pragma once

#include <optional>
#include <string_view>

#include "model/finding.hpp"
#include "model/format.hpp"

namespace conform::codec {

enum class Sniffed { empty, json, xml, form, binary, text };

const char* to_string(Sniffed sniffed);

// JSON's insignificant whitespace (RFC 8259 section 2): space, tab, line feed, carriage return.
inline bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Looks at the bytes only: a leading '{' or '[' is JSON, '<' is XML, `key=value&...` is a
// form, NUL bytes or invalid UTF-8 are binary; anything else is text. Whitespace and a
// UTF-8 byte order mark are skipped first; zero bytes (or only whitespace) are empty.
Sniffed sniff(std::string_view bytes);

// The media type conform names for a format in messages ("application/json").
const char* media_type_name(Format format);

// One finding (keyword "content-type") when the bytes clearly are JSON, XML or a form but
// were declared as another format ("the body is JSON but was declared
// application/x-www-form-urlencoded"). Binary, text and empty bodies are left to the
// format's reader, which says exactly where they go wrong. `declared_media_type` is
// quoted when given, else the format's usual media type.
std::optional<Finding> format_mismatch(std::string_view bytes, Format declared,
                                       std::string_view declared_media_type = {});

}  // namespace conform::codec
