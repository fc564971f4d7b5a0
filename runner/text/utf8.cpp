#include "text/utf8.hpp"

#include <cstdint>
#include <cstring>
#include <string>

namespace conform::text {
namespace {

// Eight bytes at a time: most payloads are ASCII, and this keeps the check off the profile.
bool ascii_without_nul(const unsigned char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  constexpr std::uint64_t high = 0x8080808080808080ULL;
  constexpr std::uint64_t low = 0x0101010101010101ULL;
  const bool has_zero = ((word - low) & ~word & high) != 0;
  return (word & high) == 0 && !has_zero;
}

// Length of the well-formed sequence at p[0..n), or 0 (RFC 3629 table 3-7).
std::size_t sequence_length(const unsigned char* p, std::size_t n) {
  const unsigned char c = p[0];
  const auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i < n && p[i] >= lo && p[i] <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// The code point of the well-formed sequence of `length` bytes at `p`.
std::uint32_t code_point_of(const unsigned char* p, std::size_t length) {
  static constexpr unsigned char kLeadMask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  std::uint32_t cp = p[0] & kLeadMask[length];
  for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (p[i] & 0x3Fu);
  return cp;
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

// Each byte outside a well-formed sequence (and, when `printable_only`, each character
// printable() refuses) as U+FFFD; resynchronises on the next byte.
std::string clean(std::string_view bytes, bool printable_only) {
  std::string out;
  out.reserve(bytes.size() + 8);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::size_t run = i;
    while (run < bytes.size() && plain(p[run], printable_only)) ++run;
    out.append(bytes.data() + i, run - i);
    i = run;
    if (i == bytes.size()) break;
    const std::size_t length = p[i] < 0x80 ? 1 : sequence_length(p + i, bytes.size() - i);
    if (length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (printable_only && !printable(code_point_of(p + i, length))) {
      out += kReplacement;
    } else {
      out.append(bytes.data() + i, length);
    }
    i += length;
  }
  return out;
}

}  // namespace

bool check_utf8(std::string_view bytes, Utf8Problem& problem) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n && ascii_without_nul(p + i)) {
      i += 8;
      continue;
    }
    const unsigned char c = p[i];
    if (c == 0) {
      problem = {i, true};
      return false;
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = sequence_length(p + i, n - i);
    if (length == 0) {
      problem = {i, false};
      return false;
    }
    i += length;
  }
  return true;
}

bool has_encoded_surrogate(const char* s, std::size_t n) {
  for (const char* p = static_cast<const char*>(std::memchr(s, '\xED', n)); p != nullptr;
       p = static_cast<const char*>(
           std::memchr(p + 1, '\xED', n - static_cast<std::size_t>(p + 1 - s)))) {
    if (p + 1 < s + n && static_cast<unsigned char>(p[1]) >= 0xA0) return true;
  }
  return false;
}

std::string valid_utf8(std::string_view bytes) {
  Utf8Problem problem;
  if (check_utf8(bytes, problem)) return std::string(bytes);
  return clean(bytes, false);
}

std::string printable_text(std::string_view bytes) { return clean(bytes, true); }

std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

std::size_t count_code_points(std::string_view bytes) {
  std::size_t count = 0;
  for (const char c : bytes) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

void append_utf8(unsigned code_point, std::string& out) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

}  // namespace conform::text
