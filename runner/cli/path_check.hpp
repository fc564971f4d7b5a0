// path_check: what is wrong with a path a command was given, in a few words, so each error
// says it ("a folder, not a file") instead of a guess ("no such file or not readable").
#pragma once

#include <filesystem>
#include <string>

namespace conform::cli {

enum class PathKind { file, folder };

// "" when `path` is a `kind` the process can read; else "no such file or folder", "a
// folder, not a file", "a file, not a folder" or "not readable (REASON)".
std::string path_problem(const std::filesystem::path& path, PathKind kind);

}  // namespace conform::cli
