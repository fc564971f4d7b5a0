// The entry point every fuzz target defines: libFuzzer's, or replay_main.cpp's in the test
// suite's build.
#pragma once

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
