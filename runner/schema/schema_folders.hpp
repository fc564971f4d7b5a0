// SchemaFolders: the folders a "$ref" may read schema files from, and read_schema_file, the
// one way a schema file is read from disk. Every walk that follows "$ref"s into files (the
// schema engine, openapi, drift) asks them, so a schema from a pull request cannot make
// conform read /etc/passwd or ~/.ssh through "../..", a symbolic link or a device.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace conform::schema {

class SchemaFolders {
 public:
  // Admits `dir` and every folder below it, resolved now ("..", symbolic links).
  void allow(const std::filesystem::path& dir);
  // True when `file`, resolved as far as it exists, lies in an allowed folder; otherwise
  // false with `error` naming the file, where it leads and the allowed folders.
  bool admits(const std::filesystem::path& file, std::string& error) const;

 private:
  std::vector<std::filesystem::path> folders_;  // resolved
};

// Reads a schema file: a regular file of at most 64 MiB, so a "$ref" to /dev/zero, a FIFO or
// a huge file cannot hang or exhaust the reader. False when it is not one or is unreadable.
bool read_schema_file(const std::filesystem::path& file, std::string& text);

}  // namespace conform::schema
