// Helpers for the schema tests: JSON from text, schemas from text, temporary schema files.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "codec/rapidjson.hpp"
#include "schema/schema.hpp"

namespace conform::schema::testing {

rapidjson::Document json(const std::string& text);

// Compiles `schema_text` with a fresh registry (kept alive by the returned schema).
std::shared_ptr<const Schema> compile(const std::string& schema_text);

Findings findings_of(const Schema& schema, const std::string& instance_text,
                     const ValidateOptions& options = {});

// A folder under the system's temporary folder, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path write(const std::string& name, const std::string& text) const;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace conform::schema::testing
