#include "codec/utf8.hpp"

#include <cstdint>
#include <cstring>
#include <string>

namespace conform::codec {
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
  std::string out;
  out.reserve(bytes.size() + 8);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (std::size_t i = 0; i < bytes.size();) {
    if (p[i] < 0x80) {
      out += static_cast<char>(p[i++]);
      continue;
    }
    const std::size_t length = sequence_length(p + i, bytes.size() - i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(bytes.data() + i, length);
      i += length;
    }
  }
  return out;
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

}  // namespace conform::codec
