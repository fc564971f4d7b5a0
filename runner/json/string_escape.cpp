#include "json/string_escape.hpp"

#include <cstdio>

#include "text/percent.hpp"
#include "text/utf8.hpp"

namespace conform::json {
namespace {

// Four hex digits at `text[at]`, or -1.
long hex4(std::string_view body, std::size_t at) {
  if (at + 4 > body.size()) return -1;
  long value = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const int digit = text::hex_digit_value(body[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

}  // namespace

std::string json_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned char>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string json_unescape(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 == body.size()) {
      out += body[i];
      continue;
    }
    const char e = body[i + 1];
    const std::string_view simple = "\"\\/bfnrt";
    const std::string_view meaning = "\"\\/\b\f\n\r\t";
    if (const auto at = simple.find(e); at != std::string_view::npos) {
      out += meaning[at];
      ++i;
      continue;
    }
    long unit = e == 'u' ? hex4(body, i + 2) : -1;
    if (unit < 0) {
      out += body[i];
      continue;
    }
    std::size_t used = 6;
    if (unit >= 0xD800 && unit < 0xDC00 && i + 12 <= body.size() && body[i + 6] == '\\' &&
        body[i + 7] == 'u') {
      const long low = hex4(body, i + 8);
      if (low >= 0xDC00 && low < 0xE000) {
        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        used = 12;
      }
    }
    text::append_utf8(static_cast<unsigned>(unit), out);
    i += used - 1;
  }
  return out;
}

}  // namespace conform::json
