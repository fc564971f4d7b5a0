// Format: the three encodings a payload can arrive in.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace conform {

enum class Format { json, xml, form };

const char* to_string(Format format);

// "json", "xml", "form" -> Format; anything else -> nullopt.
std::optional<Format> parse_format(std::string_view name);

// The type and subtype of a Content-Type, lower case, without parameters or spaces
// ("Application/JSON; charset=utf-8" -> "application/json").
std::string media_type_essence(std::string_view content_type);

// Picks a format from a media type ("application/xml; charset=utf-8" -> xml).
std::optional<Format> format_of_media_type(std::string_view media_type);

}  // namespace conform
