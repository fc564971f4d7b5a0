// Fuzzes XML decoding plus validation: any bytes, checked as XML against any vendor's
// message, must give a verdict with findings that explain it, and never crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto selected = conform::fuzz::select(data, size);
  if (!selected.message) return 0;
  conform::vendor::CheckOptions options;
  options.format = conform::Format::xml;
  options.strict = (data[1] & 0x80) != 0;
  const auto result = conform::fuzz::catalog().check(*selected.vendor, *selected.message,
                                                     selected.payload, options);
  // An invalid verdict without a finding would leave the user guessing.
  if (!result.valid && !conform::has_errors(result.findings)) {
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
