// Fuzz target support: the real vendor catalog, loaded once, and the two selector bytes
// that let one input pick the vendor and message it is checked against.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "contracts/catalog.hpp"

namespace conform::fuzz {

// schemas/ as CMake found it; loaded on first use (aborts if the contracts are broken).
const contracts::Catalog& catalog();

struct Selected {
  const contracts::Manifest* vendor = nullptr;
  const contracts::MessageSpec* message = nullptr;
  std::string_view payload;  // the input after the selector bytes
};

// Input layout: byte 0 picks the vendor, byte 1 the message (each modulo the count), the
// rest is the payload. Inputs shorter than two bytes select nothing (vendor == nullptr).
Selected select(const std::uint8_t* data, std::size_t size);

// The decode targets' one check: the selected payload, decoded as `format` and validated
// (strict when byte 1's top bit is set), must give a verdict whose findings explain it;
// aborts otherwise. Returns 0, libFuzzer's "keep going".
int check_decoded(const std::uint8_t* data, std::size_t size, Format format);

}  // namespace conform::fuzz
