// Escaping text for HTML and XML: the one copy the reports, the XML encoder and the secret
// masker use.
#pragma once

#include <string>
#include <string_view>

namespace conform::text {

// What becomes a character reference besides & < > (always).
struct MarkupEscaping {
  const char* quot = nullptr;    // '"' (in quoted attribute values)
  const char* apos = nullptr;    // '\''
  bool carriage_return = false;  // '\r' as "&#13;": every XML parser normalises a raw CR away
};

// XML character data: & < > and a CR.
inline constexpr MarkupEscaping kXmlText{nullptr, nullptr, true};
// An XML attribute value in double quotes: also '"'.
inline constexpr MarkupEscaping kXmlAttribute{"&quot;", nullptr, true};

// Appends `text` to `out` with & < > and what `escaping` names as references.
void append_markup_escaped(std::string_view text, std::string& out, const MarkupEscaping& escaping);

// & < > " ' for HTML text and quoted attribute values (' as "&#39;", which HTML 4 knows too).
std::string html_escape(std::string_view text);

// & < > " ' as XML's five predefined entities.
std::string xml_escape(std::string_view text);

// The five predefined entities and &#N; / &#xN; back to text; anything else as written.
std::string xml_unescape(std::string_view text);

}  // namespace conform::text
