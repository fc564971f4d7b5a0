#include "schema/schema_folders.hpp"

#include <algorithm>
#include <cstdint>
#include <system_error>

#include "text/file_bytes.hpp"

namespace conform::schema {
namespace {

constexpr std::uintmax_t kMaxSchemaFileBytes = std::uintmax_t{64} << 20;

// `path` with "..", "." and every symbolic link of the part that exists resolved; empty when
// that fails (an empty path is inside no folder).
std::filesystem::path resolved(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::path out = std::filesystem::weakly_canonical(path, error);
  if (error) return {};
  return out.has_filename() ? out : out.parent_path();  // "dir/" is "dir"
}

bool is_inside(const std::filesystem::path& folder, const std::filesystem::path& path) {
  return !path.empty() &&
         std::mismatch(folder.begin(), folder.end(), path.begin(), path.end()).first ==
             folder.end();
}

}  // namespace

void SchemaFolders::allow(const std::filesystem::path& dir) {
  std::filesystem::path folder = resolved(dir);
  if (folder.empty()) return;
  if (std::find(folders_.begin(), folders_.end(), folder) == folders_.end()) {
    folders_.push_back(std::move(folder));
  }
}

bool SchemaFolders::admits(const std::filesystem::path& file, std::string& error) const {
  const std::filesystem::path target = resolved(file);
  for (const auto& folder : folders_) {
    if (is_inside(folder, target)) return true;
  }
  std::string folders;
  for (const auto& folder : folders_) {
    folders += (folders.empty() ? "" : ", ") + folder.string();
  }
  error = file.string();
  if (!target.empty() && target != file) error += " (resolved: " + target.string() + ")";
  error += " is outside " +
           (folders.empty() ? std::string("every folder schemas are read from") : folders) +
           ": a $ref may name schema files in the folder of the schema conform was given, or "
           "below it, or in a folder mapped to a URL prefix (--map)";
  return false;
}

bool read_schema_file(const std::filesystem::path& file, std::string& text) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error) ||
      std::filesystem::file_size(file, error) > kMaxSchemaFileBytes || error) {
    return false;
  }
  auto bytes = conform::text::read_file_bytes(file);
  if (!bytes) return false;
  text = std::move(*bytes);
  return true;
}

}  // namespace conform::schema
