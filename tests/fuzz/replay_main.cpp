// A main for the fuzz targets without libFuzzer: `fuzz_replay TARGET FILE_OR_FOLDER...` runs
// the target's entry point once on every file named, and on every file inside a folder named.
// The test suite builds every target into it (each LLVMFuzzerTestOneInput renamed
// fuzz_target_<name>, fuzz_targets.inc lists them), so every build (with GCC, and under CI's
// AddressSanitizer and UBSan) replays the seeds and the inputs that once crashed;
// tests/fuzz/run.sh (clang, libFuzzer) searches for new ones.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

#define FUZZ_TARGET(name) \
  extern "C" int fuzz_target_##name(const std::uint8_t* data, std::size_t size);
#include "fuzz_targets.inc"
#undef FUZZ_TARGET

namespace {

namespace fs = std::filesystem;

struct Target {
  const char* name;
  int (*run)(const std::uint8_t* data, std::size_t size);
};

#define FUZZ_TARGET(name) {#name, fuzz_target_##name},
const Target kTargets[] = {
#include "fuzz_targets.inc"
};
#undef FUZZ_TARGET

// Reads `path` into a buffer of exactly its size, as libFuzzer hands an input over: a read
// past its end is a heap overflow the sanitizer sees.
bool run_one(const Target& target, const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  const std::vector<char> bytes{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
  std::vector<std::uint8_t> input(bytes.begin(), bytes.end());
  target.run(input.data(), input.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const Target* target = nullptr;
  for (const Target& known : kTargets) {
    if (argc > 1 && std::string(argv[1]) == known.name) target = &known;
  }
  if (!target) {
    std::string names;
    for (const Target& known : kTargets) names += std::string(" ") + known.name;
    std::fprintf(stderr, "usage: %s TARGET FILE_OR_FOLDER...\ntargets:%s\n", argv[0],
                 names.c_str());
    return 2;
  }
  std::vector<fs::path> inputs;
  for (int i = 2; i < argc; ++i) {
    std::error_code error;
    if (fs::is_directory(argv[i], error)) {
      for (const auto& entry : fs::recursive_directory_iterator(argv[i], error)) {
        if (entry.is_regular_file()) inputs.push_back(entry.path());
      }
    } else if (fs::is_regular_file(argv[i], error)) {
      inputs.emplace_back(argv[i]);
    } else {
      error = std::make_error_code(std::errc::no_such_file_or_directory);
    }
    if (error) {
      std::fprintf(stderr, "fuzz replay: cannot read %s: %s\n", argv[i], error.message().c_str());
      return 2;
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "fuzz replay: no input for %s\n", target->name);
    return 2;
  }
  std::sort(inputs.begin(), inputs.end());  // the same order on every machine
  for (const fs::path& input : inputs) {
    if (!run_one(*target, input)) {
      std::fprintf(stderr, "fuzz replay: cannot read %s\n", input.c_str());
      return 2;
    }
  }
  std::printf("%zu inputs, no crash\n", inputs.size());
  return 0;
}
