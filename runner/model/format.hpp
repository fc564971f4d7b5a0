// Format: the three encodings a payload can arrive in.
#pragma once

#include <optional>
#include <string_view>

namespace conform {

enum class Format { json, xml, form };

const char* to_string(Format format);

// "json", "xml", "form" -> Format; anything else -> nullopt.
std::optional<Format> parse_format(std::string_view name);

// Picks a format from a media type ("application/xml; charset=utf-8" -> xml).
std::optional<Format> format_of_media_type(std::string_view media_type);

}  // namespace conform
