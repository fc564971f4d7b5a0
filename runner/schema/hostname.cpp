#include "schema/hostname.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace conform::schema {
namespace {

// An A-label decodes to at most 63 code points.
using ULabel = std::array<std::uint32_t, 64>;

int punycode_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0' + 26;
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= 'A' && c <= 'Z') return c - 'A';
  return -1;
}

std::uint32_t adapt(std::uint32_t delta, std::uint32_t points, bool first) {
  delta = first ? delta / 700 : delta / 2;
  delta += delta / points;
  std::uint32_t k = 0;
  while (delta > ((36 - 1) * 26) / 2) {
    delta /= 36 - 1;
    k += 36;
  }
  return k + (36 * delta) / (delta + 38);
}

// RFC 3492 decoding; false on malformed input.
bool punycode_decode(std::string_view input, ULabel& out, std::size_t& length) {
  length = 0;
  std::size_t delimiter = input.rfind('-');
  std::size_t basic = delimiter == std::string_view::npos ? 0 : delimiter;
  for (std::size_t i = 0; i < basic; ++i) {
    if (static_cast<unsigned char>(input[i]) >= 0x80 || length >= out.size()) return false;
    out[length++] = static_cast<unsigned char>(input[i]);
  }
  std::uint32_t n = 128, i = 0, bias = 72;
  std::size_t pos = delimiter == std::string_view::npos ? 0 : delimiter + 1;
  while (pos < input.size()) {
    std::uint32_t old_i = i, w = 1;
    for (std::uint32_t k = 36;; k += 36) {
      if (pos >= input.size()) return false;
      int digit = punycode_digit(input[pos++]);
      if (digit < 0) return false;
      if (static_cast<std::uint64_t>(digit) * w + i > 0x10FFFF * 64ull) return false;
      i += static_cast<std::uint32_t>(digit) * w;
      std::uint32_t t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (static_cast<std::uint32_t>(digit) < t) break;
      w *= 36 - t;
      if (w > 0x10FFFF * 64u) return false;
    }
    std::uint32_t points = static_cast<std::uint32_t>(length) + 1;
    bias = adapt(i - old_i, points, old_i == 0);
    n += i / points;
    i %= points;
    if (n > 0x10FFFF || length >= out.size()) return false;
    for (std::size_t j = length; j > i; --j) out[j] = out[j - 1];
    out[i++] = n;
    ++length;
  }
  return true;
}

bool in(std::uint32_t c, std::uint32_t low, std::uint32_t high) { return c >= low && c <= high; }

bool is_combining_mark(std::uint32_t c) {
  return in(c, 0x0300, 0x036F) || in(c, 0x0483, 0x0489) || in(c, 0x0591, 0x05BD) ||
         in(c, 0x0610, 0x061A) || in(c, 0x064B, 0x065F) || in(c, 0x06D6, 0x06ED) ||
         in(c, 0x0900, 0x0903) || in(c, 0x093A, 0x094F) || in(c, 0x0951, 0x0957) ||
         in(c, 0x0962, 0x0963) || in(c, 0x0981, 0x0983) || in(c, 0x09BC, 0x09D7) ||
         in(c, 0x0A01, 0x0A03) || in(c, 0x0A3C, 0x0A51) || in(c, 0x0B01, 0x0B03) ||
         in(c, 0x0E31, 0x0E3A) || in(c, 0x0E47, 0x0E4E) || in(c, 0x1AB0, 0x1AFF) ||
         in(c, 0x1DC0, 0x1DFF) || in(c, 0x20D0, 0x20FF) || in(c, 0xFE20, 0xFE2F);
}

bool is_disallowed(std::uint32_t c) {
  return c == 0x0640 || c == 0x07FA || c == 0x302E || c == 0x302F || in(c, 0x3031, 0x3035) ||
         c == 0x303B || in(c, 0x0041, 0x005A) || c == 0x002E;
}

bool is_virama(std::uint32_t c) {
  static const std::uint32_t viramas[] = {
      0x094D, 0x09CD, 0x0A4D, 0x0ACD, 0x0B4D, 0x0BCD, 0x0C4D, 0x0CCD, 0x0D3B, 0x0D3C, 0x0D4D,
      0x0DCA, 0x0E3A, 0x0EBA, 0x0F84, 0x1039, 0x103A, 0x1714, 0x1734, 0x17D2, 0x1A60, 0x1B44,
      0x1BAA, 0x1BAB, 0x1BF2, 0x1BF3, 0x2D7F, 0xA806, 0xA8C4, 0xA953, 0xA9C0, 0xAAF6, 0xABED};
  for (std::uint32_t v : viramas) {
    if (v == c) return true;
  }
  return false;
}

bool is_greek(std::uint32_t c) { return in(c, 0x0370, 0x03FF) || in(c, 0x1F00, 0x1FFF); }
bool is_hebrew(std::uint32_t c) { return in(c, 0x0590, 0x05FF); }
bool is_japanese(std::uint32_t c) {
  return (in(c, 0x3040, 0x30FF) && c != 0x30FB) || in(c, 0x3400, 0x4DBF) || in(c, 0x4E00, 0x9FFF) ||
         in(c, 0x20000, 0x2FA1F);
}

// The contextual rules of RFC 5892 appendix A, and the U-label shape of RFC 5891.
bool check_u_label(const ULabel& label, std::size_t length) {
  if (length == 0) return false;
  if (length >= 4 && label[2] == '-' && label[3] == '-') return false;
  if (is_combining_mark(label[0])) return false;
  bool arabic_indic = false, extended_arabic_indic = false, japanese = false, katakana_dot = false;
  for (std::size_t i = 0; i < length; ++i) {
    std::uint32_t c = label[i];
    std::uint32_t before = i > 0 ? label[i - 1] : 0;
    std::uint32_t after = i + 1 < length ? label[i + 1] : 0;
    if (is_disallowed(c)) return false;
    if (c == 0x00B7 && (before != 'l' || after != 'l')) return false;
    if (c == 0x0375 && !is_greek(after)) return false;
    if ((c == 0x05F3 || c == 0x05F4) && !is_hebrew(before)) return false;
    if (c == 0x200D && !is_virama(before)) return false;
    arabic_indic |= in(c, 0x0660, 0x0669);
    extended_arabic_indic |= in(c, 0x06F0, 0x06F9);
    japanese |= is_japanese(c);
    katakana_dot |= c == 0x30FB;
  }
  if (arabic_indic && extended_arabic_indic) return false;
  if (katakana_dot && !japanese) return false;
  return true;
}

bool is_ldh(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

bool check_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
    return false;
  for (char c : label) {
    if (!is_ldh(c)) return false;
  }
  if (label.size() > 4 && (label[0] == 'x' || label[0] == 'X') &&
      (label[1] == 'n' || label[1] == 'N') && label[2] == '-' && label[3] == '-') {
    ULabel decoded{};
    std::size_t length = 0;
    return punycode_decode(label.substr(4), decoded, length) && check_u_label(decoded, length);
  }
  return true;
}

}  // namespace

bool check_hostname(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = host.find('.', start);
    std::string_view label =
        host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (!check_label(label)) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

}  // namespace conform::schema
