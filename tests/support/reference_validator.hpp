// ReferenceValidator: the same draft-07 verdict computed by valijson, kept to prove the
// compiled engine agrees with an independent implementation (differential tests). Slow
// and verdict-only; not for production paths.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "codec/rapidjson.hpp"

namespace conform::schema {

class ReferenceValidator {
 public:
  struct Options {
    // Files of "$ref"s like "common.json#/definitions/x" are read from here.
    std::filesystem::path base_dir;
    // Remote "$ref"s under a URL prefix are read from a folder (as SchemaRegistry does).
    std::vector<std::pair<std::string, std::filesystem::path>> url_prefixes;
  };

  // Local and sibling-file "$ref"s are inlined before valijson parses the schema (valijson
  // 1.0 misreads "propertyNames" under a "$ref" and lets bad names through); recursive ones stay.
  // Throws std::runtime_error when valijson cannot parse the schema.
  ReferenceValidator(const rapidjson::Value& schema, Options options);
  ~ReferenceValidator();
  ReferenceValidator(const ReferenceValidator&) = delete;
  ReferenceValidator& operator=(const ReferenceValidator&) = delete;

  // valijson's verdict; nullopt when valijson throws while validating.
  std::optional<bool> validate(const rapidjson::Value& instance) const;

  // The schema as valijson received it (after inlining).
  const rapidjson::Value& inlined_schema() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace conform::schema
