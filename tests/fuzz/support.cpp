#include "support.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>

namespace conform::fuzz {

const vendor::Catalog& catalog() {
  static const std::shared_ptr<vendor::Catalog> loaded = [] {
    try {
      return vendor::Catalog::load(CONFORM_SCHEMAS_DIR);
    } catch (const std::exception& error) {
      std::fprintf(stderr, "fuzz: cannot load %s: %s\n", CONFORM_SCHEMAS_DIR, error.what());
      std::abort();
    }
  }();
  return *loaded;
}

Selected select(const std::uint8_t* data, std::size_t size) {
  Selected selected;
  const auto& vendors = catalog().vendors();
  if (size < 2 || vendors.empty()) return selected;
  selected.vendor = &vendors[data[0] % vendors.size()];
  const auto& messages = selected.vendor->messages;
  if (messages.empty()) return selected;
  selected.message = &messages[data[1] % messages.size()];
  selected.payload = std::string_view(reinterpret_cast<const char*>(data) + 2, size - 2);
  return selected;
}

}  // namespace conform::fuzz
