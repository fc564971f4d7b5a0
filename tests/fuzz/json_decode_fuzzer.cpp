// Fuzzes JSON decoding plus validation: any bytes, checked as JSON against any vendor's
// message, must give a verdict with findings that explain it, and never crash.
#include <cstddef>
#include <cstdint>

#include "fuzz_target.hpp"
#include "support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return conform::fuzz::check_decoded(data, size, conform::Format::json);
}
