#include "cli/path_check.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace conform::cli {
namespace fs = std::filesystem;

std::string path_problem(const fs::path& path, PathKind kind) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (!fs::exists(status)) return "no such file or folder";
  const bool folder = fs::is_directory(status);
  if (kind == PathKind::file && folder) return "a folder, not a file";
  if (kind == PathKind::folder && !folder) return "a file, not a folder";
  // A folder is read by listing it and opening what is inside.
  if (::access(path.c_str(), folder ? R_OK | X_OK : R_OK) != 0) {
    return std::string("not readable (") + std::strerror(errno) + ")";
  }
  return "";
}

}  // namespace conform::cli
