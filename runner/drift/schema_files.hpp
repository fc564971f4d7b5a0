// SchemaFiles: schema documents read as plain JSON, with "$ref"s followed across files,
// for the walks that compare schemas with evidence (drift) or with each other (diff).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "codec/rapidjson.hpp"
#include "schema/schema_folders.hpp"

namespace conform::drift {

// A schema node and the file it lives in (relative "$ref"s resolve against it).
struct SchemaNode {
  const rapidjson::Value* node = nullptr;
  std::filesystem::path file;
  explicit operator bool() const { return node != nullptr; }
};

class SchemaFiles {
 public:
  // A "$ref" reads files only in the folder of a file given to root() and below it, or in a
  // folder allowed here (the catalog's): not /etc/passwd through "../.." or a link.
  void allow_folder(const std::filesystem::path& dir) { folders_.allow(dir); }
  // The root of `file`, read once; an empty node when it cannot be read as JSON.
  SchemaNode root(const std::filesystem::path& file);
  // Follows "$ref" (local "#/...", "other.json", "other.json#/...") until a node without
  // one; an empty node when a reference leads nowhere, out of the allowed folders, or loops.
  SchemaNode resolve(SchemaNode at);

 private:
  SchemaNode load(const std::filesystem::path& file);

  schema::SchemaFolders folders_;
  std::map<std::filesystem::path, std::unique_ptr<rapidjson::Document>> documents_;
};

// Every property path a schema documents, as generic pointers ("/Errors/*/Message", see
// shape.hpp): through properties, items, $ref and every branch of allOf/anyOf/oneOf.
std::set<std::string> documented_paths(SchemaFiles& files, SchemaNode root);

// The generic pointers of objects the schema describes as maps: member names are data
// (additionalProperties is a schema, or patternProperties is set) and no "properties".
// Their members differ between recordings without the API changing.
std::set<std::string> map_paths(SchemaFiles& files, SchemaNode root);

}  // namespace conform::drift
