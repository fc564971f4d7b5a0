#include "drift/schema_files.hpp"

#include <string>

#include "drift/shape.hpp"
// After codec/rapidjson.hpp (through schema_files.hpp), which sets RapidJSON's assertion.
#include "codec/json_pointer.hpp"
#include "json/pointer.hpp"

namespace conform::drift {
namespace {
namespace fs = std::filesystem;

constexpr int kMaxWalkDepth = 64;

bool is_map(const rapidjson::Value& node) {
  if (node.HasMember("properties")) return false;
  const auto additional = node.FindMember("additionalProperties");
  return (additional != node.MemberEnd() && additional->value.IsObject()) ||
         node.HasMember("patternProperties");
}

// Collects documented property paths, and in `maps` (when given) the map objects' paths.
void walk(SchemaFiles& files, SchemaNode at, const std::string& path, int depth,
          std::set<std::string>& out, std::set<std::string>* maps = nullptr) {
  if (depth > kMaxWalkDepth) return;
  at = files.resolve(at);
  if (!at || !at.node->IsObject()) return;
  const rapidjson::Value& node = *at.node;
  if (maps && is_map(node)) maps->insert(path);
  if (const auto properties = node.FindMember("properties");
      properties != node.MemberEnd() && properties->value.IsObject()) {
    for (const auto& property : properties->value.GetObject()) {
      const std::string child = json::child_pointer(path, property.name.GetString());
      out.insert(child);
      walk(files, {&property.value, at.file}, child, depth + 1, out, maps);
    }
  }
  if (const auto items = node.FindMember("items"); items != node.MemberEnd()) {
    if (items->value.IsArray()) {
      for (const auto& item : items->value.GetArray()) {
        walk(files, {&item, at.file}, path + "/*", depth + 1, out, maps);
      }
    } else {
      walk(files, {&items->value, at.file}, path + "/*", depth + 1, out, maps);
    }
  }
  for (const char* keyword : {"allOf", "anyOf", "oneOf"}) {
    const auto branches = node.FindMember(keyword);
    if (branches == node.MemberEnd() || !branches->value.IsArray()) continue;
    for (const auto& branch : branches->value.GetArray()) {
      walk(files, {&branch, at.file}, path, depth + 1, out, maps);
    }
  }
}

}  // namespace

SchemaNode SchemaFiles::root(const fs::path& file) {
  folders_.allow(file.parent_path());
  return load(file);
}

SchemaNode SchemaFiles::load(const fs::path& file) {
  const fs::path key = file.lexically_normal();
  auto found = documents_.find(key);
  if (found == documents_.end()) {
    std::string text;
    auto document = std::make_unique<rapidjson::Document>();
    const bool read = schema::read_schema_file(key, text);
    document->Parse(text.data(), text.size());
    if (!read || document->HasParseError()) document.reset();
    found = documents_.emplace(key, std::move(document)).first;
  }
  if (!found->second) return {};
  return {found->second.get(), key};
}

SchemaNode SchemaFiles::resolve(SchemaNode at) {
  for (int hops = 0; at && hops < 32; ++hops) {
    if (!at.node->IsObject()) return at;
    const auto ref = at.node->FindMember("$ref");
    if (ref == at.node->MemberEnd() || !ref->value.IsString()) return at;
    const std::string target = ref->value.GetString();
    const auto hash = target.find('#');
    const std::string file_part = target.substr(0, hash);
    const std::string fragment = hash == std::string::npos ? "" : target.substr(hash + 1);
    std::string outside;
    if (!file_part.empty() && !folders_.admits(at.file.parent_path() / file_part, outside)) {
      return {};
    }
    const SchemaNode document =
        load(file_part.empty() ? at.file : at.file.parent_path() / file_part);
    if (!document) return {};
    if (fragment.empty()) {
      at = document;
      continue;
    }
    const rapidjson::Value* node = codec::resolve_pointer(*document.node, fragment);
    if (!node) return {};
    at = {node, document.file};
  }
  return at && at.node->IsObject() && at.node->HasMember("$ref") ? SchemaNode{} : at;
}

std::set<std::string> documented_paths(SchemaFiles& files, SchemaNode root) {
  std::set<std::string> out;
  walk(files, root, "", 0, out);
  return out;
}

std::set<std::string> map_paths(SchemaFiles& files, SchemaNode root) {
  std::set<std::string> paths, maps;
  walk(files, root, "", 0, paths, &maps);
  return maps;
}

}  // namespace conform::drift
