#include "report/workspace_path.hpp"

#include <filesystem>
#include <system_error>

namespace conform::report {

std::string workspace_path(const std::string& file) {
  namespace fs = std::filesystem;
  const fs::path path(file);
  if (!path.is_absolute()) return file;
  std::error_code error;
  const fs::path cwd = fs::current_path(error);
  if (error) return file;
  const fs::path relative = path.lexically_normal().lexically_relative(cwd);
  if (relative.empty() || *relative.begin() == fs::path("..")) return file;
  return relative.generic_string();
}

}  // namespace conform::report
