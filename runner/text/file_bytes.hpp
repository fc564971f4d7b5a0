// file_bytes: a whole file read as it is, the one way every module reads case, schema, rules,
// state and report files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace conform::text {

// The file's bytes (binary, no newline translation), or nullopt when it cannot be opened or
// a read fails part way.
std::optional<std::string> read_file_bytes(const std::filesystem::path& file);

}  // namespace conform::text
