#include "report/text.hpp"

#include <charconv>
#include <cstdint>

namespace conform::report {
namespace {

// Decodes one UTF-8 sequence at `i`; returns its length, or 0 when it is invalid.
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t& code_point) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  std::uint32_t min = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, min = 0x80, code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, min = 0x800, code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i + k) & 0x3F);
  }
  if (code_point < min || code_point > 0x10FFFF) return 0;
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;
  return length;
}

bool printable(std::uint32_t c) {
  if (c == '\t' || c == '\n' || c == '\r') return true;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return false;
  return c != 0xFFFE && c != 0xFFFF;
}

// Bytes that pass as they are, in the common case (ASCII text): copied a run at a time.
bool plain(unsigned char c, bool printable_only) {
  if (c >= 0x80) return false;
  if (!printable_only) return true;
  return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
}

std::string clean(std::string_view bytes, bool printable_only) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::size_t run = i;
    while (run < bytes.size() && plain(static_cast<unsigned char>(bytes[run]), printable_only))
      ++run;
    out.append(bytes.data() + i, run - i);
    i = run;
    if (i == bytes.size()) break;
    std::uint32_t c = 0;
    const std::size_t length = decode(bytes, i, c);
    if (length == 0) {
      out += kReplacement;
      ++i;  // resynchronise on the next byte
      continue;
    }
    if (printable_only && !printable(c)) {
      out += kReplacement;
    } else {
      out.append(bytes.data() + i, length);
    }
    i += length;
  }
  return out;
}

}  // namespace

std::string valid_utf8(std::string_view bytes) { return clean(bytes, false); }

std::string printable_text(std::string_view bytes) { return clean(bytes, true); }

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
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
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

std::string seconds(double milliseconds) {
  // to_chars, not printf: a caller's locale must not turn the point into a comma.
  char buffer[64];
  const double value = milliseconds > 0 ? milliseconds / 1000.0 : 0.0;
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3);
  return std::string(buffer, result.ptr);
}

}  // namespace conform::report
