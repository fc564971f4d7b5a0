#include "codec/sniff.hpp"

#include <string>

#include "text/utf8.hpp"

namespace conform::codec {
namespace {

// Characters a form key or value may hold unencoded (RFC 3986 unreserved, '%', '+' and the
// brackets of `tags[key]`).
bool is_form_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '~' || c == '%' || c == '+' || c == '[' || c == ']' ||
         c == '*' || c == '@' || c == ',' || c == ':' || c == '/' || c == '!' || c == '$' ||
         c == '\'' || c == '(' || c == ')' || c == ';' || c == '?';
}

bool looks_like_form(std::string_view text) {
  while (!text.empty() && is_json_space(text.back())) text.remove_suffix(1);
  bool any_pair = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view pair = text.substr(start, end - start);
    const std::size_t eq = pair.find('=');
    if (eq == 0 || eq == std::string_view::npos) return false;
    for (std::size_t i = 0; i < pair.size(); ++i) {
      if (i != eq && !is_form_char(pair[i]) && pair[i] != '=') return false;
    }
    any_pair = true;
    start = end + 1;
  }
  return any_pair;
}

std::string describe(Sniffed sniffed) {
  switch (sniffed) {
    case Sniffed::json:
      return "JSON";
    case Sniffed::xml:
      return "XML";
    case Sniffed::form:
      return "form-urlencoded (key=value&...)";
    case Sniffed::binary:
      return "binary data (not UTF-8 text)";
    case Sniffed::empty:
      return "empty";
    case Sniffed::text:
      return "plain text";
  }
  return "plain text";
}

}  // namespace

const char* to_string(Sniffed sniffed) {
  switch (sniffed) {
    case Sniffed::empty:
      return "empty";
    case Sniffed::json:
      return "json";
    case Sniffed::xml:
      return "xml";
    case Sniffed::form:
      return "form";
    case Sniffed::binary:
      return "binary";
    case Sniffed::text:
      return "text";
  }
  return "text";
}

Sniffed sniff(std::string_view bytes) {
  text::Utf8Problem problem;
  if (!text::check_utf8(bytes, problem)) return Sniffed::binary;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::size_t i = 0;
  while (i < bytes.size() && is_json_space(bytes[i])) ++i;
  if (i == bytes.size()) return Sniffed::empty;
  const char first = bytes[i];
  if (first == '{' || first == '[') return Sniffed::json;
  if (first == '<') return Sniffed::xml;
  if (looks_like_form(bytes.substr(i))) return Sniffed::form;
  return Sniffed::text;
}

const char* media_type_name(Format format) {
  switch (format) {
    case Format::json:
      return "application/json";
    case Format::xml:
      return "application/xml";
    case Format::form:
      return "application/x-www-form-urlencoded";
  }
  return "application/json";
}

std::optional<Finding> format_mismatch(std::string_view bytes, Format declared,
                                       std::string_view declared_media_type) {
  const Sniffed sniffed = sniff(bytes);
  bool mismatch = false;
  switch (sniffed) {
    case Sniffed::json:
      mismatch = declared != Format::json;
      break;
    case Sniffed::xml:
      mismatch = declared != Format::xml;
      break;
    case Sniffed::form:
      mismatch = declared != Format::form;
      break;
    case Sniffed::binary:  // the format's reader names the bad byte and its position
    case Sniffed::empty:
    case Sniffed::text:
      break;  // the format's own reader explains what is wrong
  }
  if (!mismatch) return std::nullopt;
  const std::string media =
      declared_media_type.empty() ? media_type_name(declared) : std::string(declared_media_type);
  Finding f;
  f.keyword = "content-type";
  f.line = 1;
  f.column = 1;
  f.message = "the body is " + describe(sniffed) + " but was declared " + media;
  f.expected = media;
  f.actual = to_string(sniffed);
  return f;
}

}  // namespace conform::codec
