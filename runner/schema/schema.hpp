// Schema and SchemaRegistry: draft-07 JSON Schemas loaded once, compiled, and validated
// many times. A compiled Schema is immutable and safe to share between threads.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "codec/rapidjson.hpp"
#include "model/finding.hpp"

namespace conform::schema {

struct Node;

// A schema that cannot be used: unreadable, not JSON, a $ref loop or a missing target,
// an invalid regex. Names the schema and the JSON Pointer inside it.
class SchemaError : public std::runtime_error {
 public:
  SchemaError(std::string file, std::string pointer, const std::string& message);
  const std::string& file() const { return file_; }
  const std::string& pointer() const { return pointer_; }

 private:
  std::string file_;
  std::string pointer_;
};

struct ValidateOptions {
  // Objects that declare "properties" but no "additionalProperties" report every other
  // member as a finding (drift mode for lenient response schemas).
  bool strict = false;
  // Stop at the first error: for callers that want only a verdict.
  bool first_error_only = false;
};

class Schema {
 public:
  virtual ~Schema() = default;
  // Appends one Finding per violation (pointer, schema_path, keyword, message,
  // expected/actual) to `findings` when given; returns true when `instance` is valid.
  //   pointer      the instance location (JSON Pointer): the member itself for
  //                "additionalProperties" and "propertyNames", the object for "required".
  //   schema_path  the failing keyword's absolute location: a JSON Pointer into this
  //                schema's own document ("/properties/tags/maxProperties"), or
  //                "URI#pointer" when a "$ref" led into another document.
  //   keyword      the draft-07 keyword; also "false" (a false schema) and "depth" (nesting
  //                beyond 2000 levels).
  //   actual       the value as compact JSON, cut to ~80 characters with "…".
  // oneOf/anyOf failures add one summary finding, then the findings of the branch that
  // fits best when one clearly does. With `findings` == nullptr or first_error_only the
  // evaluation stops at the first error; valid input allocates nothing.
  virtual bool validate(const rapidjson::Value& instance, Findings* findings,
                        const ValidateOptions& options = {}) const = 0;
  // The schema document as loaded (codecs read types from it).
  virtual const rapidjson::Value& document() const = 0;
  // The compiled root (schema/node.hpp), for readers that walk the keywords rather than the
  // JSON (the example generator); lives as long as this Schema.
  virtual const Node& root() const = 0;
};

class SchemaRegistry {
 public:
  SchemaRegistry();
  ~SchemaRegistry();
  SchemaRegistry(const SchemaRegistry&) = delete;
  SchemaRegistry& operator=(const SchemaRegistry&) = delete;

  // "$ref"s to URLs under `url_prefix` are read from `dir` instead of the network; a relative
  // "$ref" may also name a file in `dir` (or below it) by its path.
  void map_url_prefix(std::string url_prefix, std::filesystem::path dir);

  // Loads and compiles a schema file (cached by canonical path, and by the path as given so
  // that asking again costs no file-system call). Throws SchemaError.
  std::shared_ptr<const Schema> load_file(const std::filesystem::path& file);

  // Compiles an in-memory schema; `base_uri` resolves its relative "$ref"s. Not cached.
  // "http://json-schema.org/draft-07/schema" is bundled; "file://" refs (relative ones
  // from load_file) are read from disk, only inside the folder of a file given to load_file
  // (or below it) or a mapped folder, ".." and symbolic links resolved first; other URLs
  // only through map_url_prefix.
  std::shared_ptr<const Schema> load_value(const rapidjson::Value& schema,
                                           const std::string& base_uri);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace conform::schema
