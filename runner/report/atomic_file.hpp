// write_file_atomically: a report file appears whole or not at all, even if conform is
// killed mid-write, so CI never uploads half a report.
#pragma once

#include <filesystem>
#include <string_view>

namespace conform::report {

// Writes `content` to a temporary file beside `path` and renames it over `path`. Creates the parent
// folder if needed. Throws std::runtime_error naming the path on failure (and leaves no temporary
// file behind).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace conform::report
