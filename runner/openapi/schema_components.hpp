// SchemaComponents: a vendor's draft-07 schema files turned into OpenAPI 3.1
// components/schemas, with every "$ref" rewritten to point at a component.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "codec/rapidjson.hpp"
#include "model/finding.hpp"
#include "schema/schema_folders.hpp"

namespace conform::openapi {

// Each schema file becomes the component named after it ("response-400.schema.json" ->
// "response-400"); each of its top-level "definitions" becomes "<file>.<name>"
// ("errors.envelope"). Inside them, draft-07 is rewritten as 2020-12 (OpenAPI 3.1's
// dialect) says the same thing: nested "definitions" -> "$defs", "items": [...] ->
// "prefixItems", "additionalItems" -> "items", "dependencies" -> "dependentRequired" /
// "dependentSchemas"; "$schema" and "$id" are dropped. Files reached by a relative "$ref"
// are added too.
class SchemaComponents {
 public:
  explicit SchemaComponents(rapidjson::Document::AllocatorType& allocator)
      : allocator_(allocator) {}

  // A "$ref" reads files only in the folder of a file given to add() and below it, or in a
  // folder allowed here (the catalog's): not /etc/passwd through "../.." or a link.
  void allow_folder(const std::filesystem::path& dir) { folders_.allow(dir); }

  // Adds `file` (and every file it references) and returns the "$ref" that names its
  // component ("#/components/schemas/request"). A file that cannot be read or parsed adds a
  // finding and an empty string.
  std::string add(const std::filesystem::path& file);

  // The components, by name, in the order they were added.
  rapidjson::Value take_schemas();

  // Problems met: unreadable files, "$ref"s this conversion cannot follow (warnings).
  const Findings& findings() const { return findings_; }

 private:
  struct Pending {
    std::filesystem::path file;
    std::string name;
  };
  std::string name_of(const std::filesystem::path& file);
  void convert_file(const Pending& pending);
  rapidjson::Value convert_schema(const rapidjson::Value& schema,
                                  const std::filesystem::path& file);
  std::string rewrite_ref(const std::string& ref, const std::filesystem::path& file);

  rapidjson::Document::AllocatorType& allocator_;
  schema::SchemaFolders folders_;
  std::map<std::filesystem::path, std::string> names_;  // canonical file -> component
  std::vector<Pending> pending_;
  std::vector<std::pair<std::string, rapidjson::Value>> schemas_;
  Findings findings_;
};

}  // namespace conform::openapi
