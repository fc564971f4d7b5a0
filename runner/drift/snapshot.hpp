// Snapshot: one recorded response as a file of its own, so two recordings of the same
// target compare file by file (docs/drift.md describes the format).
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "model/case_result.hpp"
#include "model/finding.hpp"

namespace conform::drift {

struct Snapshot {
  std::string vendor;
  std::string case_name;
  std::string case_file;  // the case file's name, without its folder
  int step = 0;           // 0-based index of the step in its case
  std::string step_name;
  std::string method;
  std::string path;  // the request's path and query below the vendor's base URL
  // The message the case's step named for its response ("" when it named none).
  std::string expect_schema;
  int status = 0;
  Headers headers;   // the response headers that matter (lower-case names)
  std::string body;  // the response body (JSON bodies re-serialised with sorted keys)
  // Where the snapshot lives inside its recording: "<vendor>/<case-slug>/<step>.json".
  std::string relative_path;
};

// The value of header `name` (lower-case) or "".
std::string header_value(const Snapshot& snapshot, const std::string& name);

// "a PUT shows in the next GET.json" -> "a-put-shows-in-the-next-get": lower-case letters,
// digits and single dashes.
std::string slug(const std::string& text);

// The snapshot file's text: fixed member order, JSON bodies as JSON with keys sorted,
// other bodies as text; ends in a line break.
std::string to_file_text(const Snapshot& snapshot);

// Writes every snapshot to dir/<relative_path> (creating folders). Throws
// std::runtime_error naming the path on I/O failure.
void write_snapshots(const std::vector<Snapshot>& snapshots, const std::filesystem::path& dir);

struct Recording {
  std::vector<Snapshot> snapshots;  // sorted by relative_path
  // The vendors recorded: every top-level folder, also one where no step got a response.
  std::set<std::string> vendors;
  Findings problems;  // files that are not snapshots (message names the file)
};

// Every *.json under `dir` (recursively). A missing folder is a problem too.
Recording read_recording(const std::filesystem::path& dir);

}  // namespace conform::drift
