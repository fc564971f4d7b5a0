#include "support.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>

namespace conform::fuzz {

const contracts::Catalog& catalog() {
  static const std::shared_ptr<contracts::Catalog> loaded = [] {
    try {
      return contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
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

int check_decoded(const std::uint8_t* data, std::size_t size, Format format) {
  const auto selected = select(data, size);
  if (!selected.message) return 0;
  contracts::CheckOptions options;
  options.format = format;
  options.strict = (data[1] & 0x80) != 0;
  const auto result =
      catalog().check(*selected.vendor, *selected.message, selected.payload, options);
  // An invalid verdict without a finding would leave the user guessing.
  if (!result.valid && !has_errors(result.findings)) {
    std::fprintf(stderr, "invalid verdict without an error finding\n");
    std::abort();
  }
  for (const auto& finding : result.findings) {
    if (finding.message.empty()) {
      std::fprintf(stderr, "finding without a message (keyword %s)\n", finding.keyword.c_str());
      std::abort();
    }
  }
  return 0;
}

}  // namespace conform::fuzz
