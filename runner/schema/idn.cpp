#include "schema/idn.hpp"

#include <idn2.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace conform::schema {
namespace {

struct Freed {
  void operator()(char* p) const { std::free(p); }
};
using IdnString = std::unique_ptr<char, Freed>;

bool is_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// LDH: letters, digits and hyphens (RFC 5890 2.3.1), at most 63.
bool is_ldh(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  for (const char c : label) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

// RFC 5891 4.2.3.1: no hyphen first or last, none in the 3rd and 4th positions together.
bool hyphens_allowed(std::string_view label) {
  if (label.front() == '-' || label.back() == '-') return false;
  return !(label.size() >= 4 && label[2] == '-' && label[3] == '-');
}

// The A-label of a U-label, checked against IDNA2008's registration rules (code points,
// CONTEXTJ and CONTEXTO, Bidi); empty when the label is not valid.
std::string registered_alabel(std::string_view ulabel) {
  const std::string text(ulabel);
  char* out = nullptr;
  const int rc = idn2_register_u8(reinterpret_cast<const std::uint8_t*>(text.c_str()), nullptr,
                                  reinterpret_cast<std::uint8_t**>(&out), IDN2_NFC_INPUT);
  IdnString owned(out);
  if (rc != IDN2_OK || out == nullptr) return {};
  return out;
}

// The labels of `host`, split at any of IDNA's four dots.
std::vector<std::string_view> labels_of(std::string_view host) {
  std::vector<std::string_view> labels;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= host.size();) {
    std::size_t dot = 0;
    if (i == host.size()) {
      dot = 0;
    } else if (host[i] == '.') {
      dot = 1;
    } else if (host.substr(i, 3) == "\xE3\x80\x82" || host.substr(i, 3) == "\xEF\xBC\x8E" ||
               host.substr(i, 3) == "\xEF\xBD\xA1") {
      dot = 3;
    } else {
      ++i;
      continue;
    }
    labels.push_back(host.substr(start, i - start));
    if (i == host.size()) break;
    i += dot;
    start = i;
  }
  return labels;
}

bool check_label(std::string_view label, std::size_t& ascii_length) {
  if (label.empty()) return false;
  if (is_ascii(label)) {
    if (!is_ldh(label)) return false;
    ascii_length += label.size();
    const std::string lower = lower_ascii(label);
    if (lower.compare(0, 4, "xn--") != 0) return hyphens_allowed(label);
    // An A-label: it must decode, to something not ASCII, that encodes back to itself.
    char* decoded = nullptr;
    const int rc = idn2_to_unicode_8z8z(lower.c_str(), &decoded, 0);
    IdnString owned(decoded);
    if (rc != IDN2_OK || decoded == nullptr || is_ascii(decoded)) return false;
    return hyphens_allowed(decoded) && registered_alabel(decoded) == lower;
  }
  if (!hyphens_allowed(label)) return false;
  const std::string alabel = registered_alabel(label);
  if (alabel.empty() || alabel.size() > 63) return false;
  ascii_length += alabel.size();
  return true;
}

}  // namespace

bool check_idn_hostname(std::string_view host) {
  if (host.empty()) return false;
  std::size_t ascii_length = 0;
  const auto labels = labels_of(host);
  for (const auto label : labels) {
    if (!check_label(label, ascii_length)) return false;
  }
  return ascii_length + labels.size() - 1 <= 253;
}

}  // namespace conform::schema
