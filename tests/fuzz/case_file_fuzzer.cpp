// Fuzzes case-file loading: any bytes as a case file (or a vendor's defaults.json) load into
// a case or into findings that point into the file, and never crash. The loaded steps'
// paths and headers are then expanded with variables as replay would.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_target.hpp"
#include "replay/case_loader.hpp"
#include "replay/variables.hpp"
#include "support.hpp"

namespace {

const conform::replay::CaseLoader& loader() {
  static const conform::replay::CaseLoader instance(conform::fuzz::catalog().registry(),
                                                    CONFORM_CASES_DIR);
  return instance;
}

// The loader reads files; each fuzzing process writes its input to a file of its own.
const std::filesystem::path& scratch_file() {
  static const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                            ("conform-fuzz-case-" + std::to_string(getpid())) /
                                            "case.json";
  static const bool made = std::filesystem::create_directories(path.parent_path()) || true;
  (void)made;
  return path;
}

void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "%s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  {
    std::ofstream out(scratch_file(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data) + 1, static_cast<std::streamsize>(size - 1));
  }
  if (data[0] & 1) {
    const auto loaded = loader().load_defaults(scratch_file());
    require(loaded.value.has_value() || conform::has_errors(loaded.findings),
            "defaults neither loaded nor explained");
    return 0;
  }
  const auto loaded = loader().load_case(scratch_file());
  require(loaded.value.has_value() || conform::has_errors(loaded.findings),
          "case neither loaded nor explained");
  if (!loaded.value) return 0;
  conform::replay::Variables variables;
  variables.set("user_id", "U1");
  variables.set("token", "canary-secret", true);
  for (const auto& step : loaded.value->steps) {
    std::vector<std::string> missing;
    const std::string path = variables.expand(step.path, &missing);
    (void)conform::replay::find_placeholders(path);
    for (const auto& [name, value] : step.headers) (void)variables.expand(value, &missing);
  }
  return 0;
}
