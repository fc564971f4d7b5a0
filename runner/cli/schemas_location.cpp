#include "cli/schemas_location.hpp"

#include <cstdlib>
#include <system_error>

namespace conform::cli {
namespace fs = std::filesystem;

fs::path schemas_location(const std::optional<std::string>& option) {
  if (option) return *option;
  if (const char* env = std::getenv("CONFORM_SCHEMAS"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  const fs::path binary = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path prefix = binary.parent_path().parent_path();
    // The source tree's build/conform; an installed bin/conform; libexec/conform/conform-full.
    for (const fs::path& candidate : {prefix / "schemas", prefix / "share" / "conform" / "schemas",
                                      prefix.parent_path() / "share" / "conform" / "schemas"}) {
      if (fs::is_regular_file(candidate / "manifest.schema.json", ec)) return candidate;
    }
  }
  return CONFORM_DEFAULT_SCHEMAS_DIR;
}

}  // namespace conform::cli
