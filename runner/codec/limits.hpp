// Limits: how large a payload conform reads before it reports a finding instead.
#pragma once

#include <cstddef>
#include <string>

#include "model/finding.hpp"

namespace conform::codec {

struct Limits {
  std::size_t max_bytes = std::size_t{256} << 20;
  std::size_t max_depth = 512;
  std::size_t max_string_bytes = std::size_t{128} << 20;
  std::size_t max_members = 1'000'000;  // object members or array items, per container
  std::size_t max_xml_elements = 1'000'000;

  friend bool operator==(const Limits& a, const Limits& b) {
    return a.max_bytes == b.max_bytes && a.max_depth == b.max_depth &&
           a.max_string_bytes == b.max_string_bytes && a.max_members == b.max_members &&
           a.max_xml_elements == b.max_xml_elements;
  }
  friend bool operator!=(const Limits& a, const Limits& b) { return !(a == b); }
};

// What every decoder says of a body larger than limits.max_bytes.
inline std::string body_too_large_message(std::size_t size, const Limits& limits) {
  return "the body is " + std::to_string(size) + " bytes, more than the limit of " +
         std::to_string(limits.max_bytes);
}

// The "limit" finding for such a body, at its first byte (line 1, column 1).
inline Finding body_too_large(std::size_t size, const Limits& limits) {
  return Finding{
      Severity::error, "",          "", "", 1, 1, 1, "limit", body_too_large_message(size, limits),
      std::nullopt,    std::nullopt};
}

}  // namespace conform::codec
