// URI references (RFC 3986): resolving "$id" and "$ref" against a base URI.
#pragma once

#include <string>
#include <string_view>

namespace conform::schema {

// Resolves `reference` against `base` (RFC 3986 section 5.2), removing dot segments.
// A base without a scheme ("" or a bare name) still resolves fragments and paths.
std::string resolve_uri(std::string_view base, std::string_view reference);

// The URI without its fragment, and the fragment without "#" (empty when none).
std::string_view uri_without_fragment(std::string_view uri);
std::string_view uri_fragment(std::string_view uri);

// A file path as a "file://" URI.
std::string file_uri(const std::string& absolute_path);

}  // namespace conform::schema
