#include "schema/document_store.hpp"

#include <cstddef>

#include "codec/json_number.hpp"
#include "codec/json_pointer.hpp"
#include "codec/text_position.hpp"
#include "json/pointer.hpp"
#include "schema/draft07_metaschema.hpp"
#include "schema/schema.hpp"
#include "schema/schema_folders.hpp"
#include "schema/uri.hpp"
#include "text/percent.hpp"

namespace conform::schema {
namespace {

constexpr const char* kSchemaMaps[] = {"definitions", "properties", "patternProperties",
                                       "dependencies"};
constexpr const char* kSchemaArraysOrSchemas[] = {"items", "allOf", "anyOf", "oneOf"};
constexpr const char* kSchemas[] = {"additionalItems",
                                    "additionalProperties",
                                    "contains",
                                    "propertyNames",
                                    "not",
                                    "if",
                                    "then",
                                    "else"};

// Calls `visit(child, pointer)` for every subschema directly under `value`.
template <typename Visit>
void for_each_subschema(const rapidjson::Value& value, const std::string& pointer, Visit visit) {
  for (const char* keyword : kSchemaMaps) {
    auto member = value.FindMember(keyword);
    if (member == value.MemberEnd() || !member->value.IsObject()) continue;
    for (auto& entry : member->value.GetObject()) {
      std::string child = pointer;
      json::append_token(child, keyword);
      json::append_token(child, {entry.name.GetString(), entry.name.GetStringLength()});
      visit(entry.value, child);
    }
  }
  for (const char* keyword : kSchemaArraysOrSchemas) {
    auto member = value.FindMember(keyword);
    if (member == value.MemberEnd()) continue;
    std::string base = pointer;
    json::append_token(base, keyword);
    if (member->value.IsArray()) {
      for (rapidjson::SizeType i = 0; i < member->value.Size(); ++i) {
        visit(member->value[i], base + "/" + std::to_string(i));
      }
    } else {
      visit(member->value, base);
    }
  }
  for (const char* keyword : kSchemas) {
    auto member = value.FindMember(keyword);
    if (member == value.MemberEnd()) continue;
    std::string child = pointer;
    json::append_token(child, keyword);
    visit(member->value, child);
  }
}

void index_subschemas(const std::shared_ptr<const Document>& document,
                      const rapidjson::Value& value, const std::string& pointer,
                      const std::string& parent_base,
                      std::unordered_map<std::string, SchemaLocation>& ids) {
  if (!value.IsObject()) return;
  std::string base = parent_base;
  auto id = value.FindMember("$id");
  if (id != value.MemberEnd() && id->value.IsString() && !value.HasMember("$ref")) {
    std::string resolved = resolve_uri(parent_base, id->value.GetString());
    std::string_view fragment = uri_fragment(resolved);
    if (!fragment.empty() && fragment[0] != '/') {
      ids[resolved] = {document, pointer};  // a location-independent identifier ("#foo")
    }
    base = std::string(uri_without_fragment(resolved));
    if (fragment.empty()) ids[base] = {document, pointer};
  }
  for_each_subschema(value, pointer, [&](const rapidjson::Value& child, const std::string& at) {
    index_subschemas(document, child, at, base, ids);
  });
}

}  // namespace

std::string apply_id(const std::string& base, const rapidjson::Value& value) {
  if (!value.IsObject() || value.HasMember("$ref")) return base;
  auto id = value.FindMember("$id");
  if (id == value.MemberEnd() || !id->value.IsString()) return base;
  return std::string(uri_without_fragment(resolve_uri(base, id->value.GetString())));
}

rapidjson::Document parse_schema_text(std::string_view text, const std::string& label) {
  rapidjson::Document json;
  const rapidjson::ParseResult parsed = codec::parse_json_text(json, text);
  if (parsed.IsError()) {
    const auto [line, column] = codec::position_of(text, parsed.Offset());
    throw SchemaError(label, "",
                      "not JSON: " + std::string(rapidjson::GetParseError_En(parsed.Code())) +
                          " (line " + std::to_string(line) + ", column " + std::to_string(column) +
                          ")");
  }
  return json;
}

void DocumentStore::map_url_prefix(std::string url_prefix, std::filesystem::path dir) {
  folders_.allow(dir);
  prefixes_.emplace_back(std::move(url_prefix), std::move(dir));
}

std::shared_ptr<const Document> DocumentStore::add_file(const std::filesystem::path& path) {
  folders_.allow(path.parent_path());
  std::string text;
  if (!read_schema_file(path, text))
    throw SchemaError(path.string(), "", "cannot read the schema file");
  return add(file_uri(path.string()), path.string(), parse_schema_text(text, path.string()));
}

std::shared_ptr<const Document> DocumentStore::add(std::string uri, std::string label,
                                                   rapidjson::Document json) {
  auto document = std::make_shared<Document>();
  document->uri = std::string(uri_without_fragment(uri));
  document->label = std::move(label);
  document->json.Swap(json);
  std::shared_ptr<const Document> shared = document;
  documents_.push_back(shared);
  index(shared);
  return shared;
}

void DocumentStore::index(const std::shared_ptr<const Document>& document) {
  ids_[document->uri] = {document, ""};
  index_subschemas(document, document->json, "", document->uri, ids_);
}

std::string DocumentStore::base_uri_at(const Document& document, std::string_view pointer) {
  std::string base = apply_id(document.uri, document.json);
  std::size_t start = 1;
  while (start <= pointer.size() && !pointer.empty()) {
    std::size_t end = pointer.find('/', start);
    if (end == std::string_view::npos) end = pointer.size();
    const rapidjson::Value* value = codec::resolve_pointer(document.json, pointer.substr(0, end));
    if (value != nullptr) base = apply_id(base, *value);
    start = end + 1;
  }
  return base;
}

bool DocumentStore::find(const std::string& uri, SchemaLocation& location, std::string& error) {
  std::string_view fragment = uri_fragment(uri);
  bool plain_name = !fragment.empty() && fragment[0] != '/';
  std::string key = plain_name ? uri : std::string(uri_without_fragment(uri));
  auto found = ids_.find(key);
  if (found == ids_.end()) {
    if (!fetch(std::string(uri_without_fragment(uri)), error)) return false;
    found = ids_.find(key);
    if (found == ids_.end()) {
      error = "nothing has the identifier " + uri;
      return false;
    }
  }
  location = found->second;
  if (!plain_name && !fragment.empty()) {
    std::string pointer;
    if (!text::percent_decode_exact(fragment, pointer)) {
      error = "malformed percent-encoding in " + uri;
      return false;
    }
    location.pointer += pointer;
  }
  return true;
}

bool DocumentStore::fetch(const std::string& uri, std::string& error) {
  if (uri == kDraft07MetaschemaUri) {
    add(uri, uri, parse_schema_text(draft07_metaschema_text(), uri));
    return true;
  }
  if (uri.compare(0, 7, "file://") == 0) {
    // Schemas next to each other on disk: "$ref": "common.json#/definitions/id".
    // A schema from a pull request must not read /etc/passwd or ~/.ssh through "../..".
    std::filesystem::path file = uri.substr(7);
    if (!folders_.admits(file, error)) return false;
    std::string text;
    if (!read_schema_file(file, text)) {
      error = "cannot read " + file.string();
      return false;
    }
    add(uri, file.string(), parse_schema_text(text, file.string()));
    return true;
  }
  for (const auto& [prefix, dir] : prefixes_) {
    if (uri.compare(0, prefix.size(), prefix) != 0) continue;
    std::filesystem::path file = dir / uri.substr(prefix.size());
    SchemaFolders mapped;
    mapped.allow(dir);
    std::string outside;
    if (!mapped.admits(file, outside)) {
      error = uri + " leaves the folder " + dir.string() + " its prefix is mapped to";
      return false;
    }
    std::string text;
    if (!read_schema_file(file, text)) {
      error = uri + " maps to " + file.string() + ", which cannot be read";
      return false;
    }
    add(uri, file.string(), parse_schema_text(text, file.string()));
    return true;
  }
  error = "cannot load " + uri +
          ": conform reads no schema from the network (map its URL prefix "
          "to a folder)";
  return false;
}

}  // namespace conform::schema
