#include "text/markup.hpp"

#include <cstdlib>

#include "text/utf8.hpp"

namespace conform::text {

void append_markup_escaped(std::string_view text, std::string& out,
                           const MarkupEscaping& escaping) {
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        if (escaping.quot) {
          out += escaping.quot;
        } else {
          out += c;
        }
        break;
      case '\'':
        if (escaping.apos) {
          out += escaping.apos;
        } else {
          out += c;
        }
        break;
      case '\r':
        if (escaping.carriage_return) {
          out += "&#13;";
        } else {
          out += c;
        }
        break;
      default:
        out += c;
    }
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_markup_escaped(text, out, {"&quot;", "&#39;", false});
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_markup_escaped(text, out, {"&quot;", "&apos;", false});
  return out;
}

std::string xml_unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t semicolon = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
    if (semicolon == std::string_view::npos || semicolon - i > 10) {
      out += text[i];
      continue;
    }
    const std::string_view name = text.substr(i + 1, semicolon - i - 1);
    std::string replaced;
    if (name == "amp") replaced = "&";
    if (name == "lt") replaced = "<";
    if (name == "gt") replaced = ">";
    if (name == "quot") replaced = "\"";
    if (name == "apos") replaced = "'";
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      const unsigned long code = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (!digits.empty() && end && *end == '\0' && code > 0 && code <= 0x10FFFF) {
        append_utf8(static_cast<unsigned>(code), replaced);
      }
    }
    if (replaced.empty()) {
      out += text[i];
      continue;
    }
    out += replaced;
    i = semicolon;
  }
  return out;
}

}  // namespace conform::text
