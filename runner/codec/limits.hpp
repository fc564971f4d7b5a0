// Limits: how large a payload conform reads before it reports a finding instead.
#pragma once

#include <cstddef>

namespace conform::codec {

struct Limits {
  std::size_t max_bytes = std::size_t{256} << 20;
  std::size_t max_depth = 512;
  std::size_t max_string_bytes = std::size_t{128} << 20;
  std::size_t max_members = 1'000'000;  // object members or array items, per container
  std::size_t max_xml_elements = 1'000'000;
};

}  // namespace conform::codec
