#include "text/terminal.hpp"

#include <cstdio>

namespace conform::text {
namespace {

void append_byte(unsigned char byte, std::string& out) {
  char escaped[8];
  std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
  out += escaped;
}

void append_code_point(unsigned code_point, std::string& out) {
  char escaped[16];
  std::snprintf(escaped, sizeof escaped, "\\u{%04X}", code_point);
  out += escaped;
}

bool is_bidi_control(unsigned cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

// The length of the well-formed UTF-8 sequence at `text[at]` (2-4 bytes) and its code point,
// or 0 when the bytes there are not one.
std::size_t utf8_sequence(std::string_view text, std::size_t at, unsigned& cp) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = 0;
  unsigned min = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, cp = lead & 0x1Fu, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, cp = lead & 0x0Fu, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, cp = lead & 0x07u, min = 0x10000;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(at + i) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

std::string escape_for_terminal(std::string_view text, bool keep_tab) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c < 0x20 && !(keep_tab && c == '\t')) || c == 0x7F) {
        append_byte(c, out);
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    unsigned cp = 0;
    const std::size_t length = utf8_sequence(text, i, cp);
    if (length == 0) {
      append_byte(c, out);
      ++i;
    } else if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) {
      append_code_point(cp, out);
      i += length;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

}  // namespace conform::text
