// CaseLoader: case files and per-vendor defaults, checked against cases/case.schema.json
// by conform's own validator; every problem is a Finding with line and column.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/finding.hpp"
#include "replay/case.hpp"
#include "schema/schema.hpp"

namespace conform::replay {

// What loading one file gave: the case, or findings that point into `source`.
template <typename T>
struct Loaded {
  std::optional<T> value;
  Findings findings;
  std::filesystem::path file;
  std::string source;  // the file's bytes, for quoting lines under findings
};

class CaseLoader {
 public:
  // `cases_schema_dir` holds case.schema.json and defaults.schema.json. Throws
  // schema::SchemaError when they are unusable.
  CaseLoader(schema::SchemaRegistry& registry, const std::filesystem::path& cases_schema_dir);

  Loaded<Case> load_case(const std::filesystem::path& file) const;
  Loaded<VendorDefaults> load_defaults(const std::filesystem::path& file) const;

 private:
  std::shared_ptr<const schema::Schema> case_schema_;
  std::shared_ptr<const schema::Schema> defaults_schema_;
};

// Case files under `paths` (files as given; folders searched recursively for *.json, but
// not defaults.json, *.schema.json or anything in a folder named "bodies"), sorted.
// A path that does not exist becomes a finding.
std::vector<std::filesystem::path> discover_case_files(
    const std::vector<std::filesystem::path>& paths, Findings& problems);

}  // namespace conform::replay
