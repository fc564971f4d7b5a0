// DocumentStore: every schema document a registry has read, and the index of the URIs
// their "$id"s declare, so "$ref"s find their targets. Not thread-safe: the registry locks.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "codec/rapidjson.hpp"
#include "schema/schema_folders.hpp"

namespace conform::schema {

struct Document {
  std::string uri;    // retrieval URI, without fragment
  std::string label;  // what SchemaError names: the file path, or the URI
  rapidjson::Document json;
};

// A subschema: a document and a JSON Pointer inside it.
struct SchemaLocation {
  std::shared_ptr<const Document> document;
  std::string pointer;
};

// A "$ref" reads schema files only inside the folders the caller named (SchemaFolders): the
// folder of each schema file added with add_file (its siblings and subfolders) and each
// mapped folder.
class DocumentStore {
 public:
  // URLs under `url_prefix` are read from `dir`, which "$ref"s may also name by path.
  void map_url_prefix(std::string url_prefix, std::filesystem::path dir);

  // Reads and parses a file (throws SchemaError when unreadable or not JSON) and indexes it
  // under its file:// URI. Its folder becomes one "$ref"s may read from.
  std::shared_ptr<const Document> add_file(const std::filesystem::path& canonical_path);
  // Indexes a parsed document under `uri` (the document's own "$id" may add more).
  std::shared_ptr<const Document> add(std::string uri, std::string label, rapidjson::Document json);

  // The subschema an absolute URI names: a document or "$id" (no fragment), or a plain-name
  // fragment ("http://x/y.json#foo"). Loads mapped and bundled documents on demand.
  // Returns false with `error` set when nothing has that URI.
  bool find(const std::string& uri, SchemaLocation& location, std::string& error);

  // The base URI in effect inside the subschema at `pointer` (its own "$id" applied).
  static std::string base_uri_at(const Document& document, std::string_view pointer);

 private:
  bool fetch(const std::string& uri, std::string& error);
  void index(const std::shared_ptr<const Document>& document);

  std::vector<std::pair<std::string, std::filesystem::path>> prefixes_;
  SchemaFolders folders_;
  std::unordered_map<std::string, SchemaLocation> ids_;
  std::vector<std::shared_ptr<const Document>> documents_;
};

// Parses schema text; throws SchemaError naming `label` with line and column.
// The base URI inside the schema object `value` whose parent's base is `base`: its "$id"
// resolved against `base`. In draft-07 a "$ref" makes every sibling keyword, "$id"
// included, ignored.
std::string apply_id(const std::string& base, const rapidjson::Value& value);

rapidjson::Document parse_schema_text(std::string_view text, const std::string& label);

}  // namespace conform::schema
