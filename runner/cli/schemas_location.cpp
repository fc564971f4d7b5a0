#include "cli/schemas_location.hpp"

#include <system_error>

#include "conform/conform.hpp"

namespace conform::cli {
namespace fs = std::filesystem;

fs::path schemas_location(const std::optional<std::string>& option) {
  if (option) return *option;
  // The schemas of this program's own tree, so a moved install still finds them: the source
  // tree's build/conform, an installed bin/conform, libexec/conform/conform-full.
  fs::path own;
  std::error_code ec;
  const fs::path binary = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path prefix = binary.parent_path().parent_path();
    for (const fs::path& candidate : {prefix / "schemas", prefix / "share" / "conform" / "schemas",
                                      prefix.parent_path() / "share" / "conform" / "schemas"}) {
      if (fs::is_regular_file(candidate / "manifest.schema.json", ec)) {
        own = candidate;
        break;
      }
    }
  }
  // The library's order around it: $CONFORM_SCHEMAS first, the build's defaults last.
  return default_schemas_dir(own.string());
}

}  // namespace conform::cli
