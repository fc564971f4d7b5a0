#include "openapi/schema_components.hpp"

#include <set>
#include <system_error>

#include "codec/json_number.hpp"
#include "json/pointer.hpp"
#include "schema/schema_folders.hpp"

namespace conform::openapi {
namespace fs = std::filesystem;
namespace {

constexpr const char* kComponentsPrefix = "#/components/schemas/";

// Component names must match ^[a-zA-Z0-9.\-_]+$ (OpenAPI 3.1, Components Object).
std::string component_name(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    out += allowed ? c : '_';
  }
  return out.empty() ? "_" : out;
}

// "response-400.schema.json" -> "response-400".
std::string file_stem(const fs::path& file) {
  std::string name = file.filename().string();
  for (const std::string suffix : {".schema.json", ".json"}) {
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return name.substr(0, name.size() - suffix.size());
    }
  }
  return name;
}

std::vector<std::string> split_pointer(const std::string& pointer) {
  std::vector<std::string> tokens;
  std::size_t start = 1;  // after the leading "/"
  while (start <= pointer.size()) {
    const std::size_t slash = pointer.find('/', start);
    const std::size_t end = slash == std::string::npos ? pointer.size() : slash;
    tokens.push_back(pointer.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

// Keywords whose value is an object of name -> schema.
bool is_schema_map(const std::string& keyword) {
  return keyword == "properties" || keyword == "patternProperties" || keyword == "definitions" ||
         keyword == "$defs";
}

// Keywords whose value is one schema.
bool is_single_schema(const std::string& keyword) {
  static const std::set<std::string> keywords = {
      "not", "if", "then", "else", "additionalProperties", "contains", "propertyNames"};
  return keywords.count(keyword) > 0;
}

bool is_schema_list(const std::string& keyword) {
  return keyword == "allOf" || keyword == "anyOf" || keyword == "oneOf";
}

// Draft-07 ignores every sibling of "$ref" but these; 2020-12 would apply the others.
bool is_annotation(const std::string& keyword) {
  static const std::set<std::string> keywords = {"title",   "description", "$comment", "examples",
                                                 "default", "readOnly",    "writeOnly"};
  return keywords.count(keyword) > 0;
}

// The rest of a pointer into a schema, with draft-07 keyword names renamed as
// convert_schema renames them.
std::string rewrite_pointer_tail(const std::vector<std::string>& tokens, std::size_t from) {
  std::string out;
  bool at_name = false;  // the token names a property or definition, not a keyword
  for (std::size_t i = from; i < tokens.size(); ++i) {
    std::string token = tokens[i];
    if (at_name) {
      at_name = false;
    } else if (token == "definitions" || token == "dependencies" || is_schema_map(token)) {
      if (token == "definitions") token = "$defs";
      if (token == "dependencies") token = "dependentSchemas";
      at_name = true;
    } else if (token == "items" && i + 1 < tokens.size() && !tokens[i + 1].empty() &&
               tokens[i + 1].find_first_not_of("0123456789") == std::string::npos) {
      token = "prefixItems";
      at_name = true;  // the index
    } else if (token == "additionalItems") {
      token = "items";
    } else if (is_schema_list(token)) {
      at_name = true;  // the index
    }
    out += "/" + token;
  }
  return out;
}

}  // namespace

std::string SchemaComponents::name_of(const fs::path& file) {
  std::error_code error;
  fs::path key = fs::weakly_canonical(file, error);
  if (error) key = file.lexically_normal();
  const auto known = names_.find(key);
  if (known != names_.end()) return known->second;
  const std::string base = component_name(file_stem(file));
  std::string name = base;
  for (int n = 2;; ++n) {
    bool taken = false;
    for (const auto& [other, other_name] : names_) taken = taken || other_name == name;
    if (!taken) break;
    name = base + "-" + std::to_string(n);
  }
  names_.emplace(key, name);
  pending_.push_back({key, name});
  return name;
}

std::string SchemaComponents::add(const fs::path& file) {
  folders_.allow(file.parent_path());
  const std::string name = name_of(file);
  while (!pending_.empty()) {
    const Pending next = pending_.front();
    pending_.erase(pending_.begin());
    convert_file(next);
  }
  for (const auto& [component, schema] : schemas_) {
    if (component == name) return kComponentsPrefix + name;
  }
  return "";
}

rapidjson::Value SchemaComponents::take_schemas() {
  rapidjson::Value out(rapidjson::kObjectType);
  for (auto& [name, schema] : schemas_) {
    out.AddMember(rapidjson::Value(name.c_str(), allocator_), schema, allocator_);
  }
  schemas_.clear();
  return out;
}

void SchemaComponents::convert_file(const Pending& pending) {
  std::string bytes;
  if (!schema::read_schema_file(pending.file, bytes)) {
    Finding f;
    f.keyword = "io";
    f.message = pending.file.string() + ": cannot read the schema";
    findings_.push_back(std::move(f));
    return;
  }
  rapidjson::Document document;
  const rapidjson::ParseResult parsed = codec::parse_json_text(document, bytes);
  if (parsed.IsError()) {
    Finding f;
    f.keyword = "syntax";
    f.message =
        pending.file.string() + ": not JSON (" + rapidjson::GetParseError_En(parsed.Code()) + ")";
    findings_.push_back(std::move(f));
    return;
  }
  // The file's own definitions become components beside it, so tools show them by name.
  rapidjson::Value definitions;
  if (document.IsObject()) {
    const auto it = document.FindMember("definitions");
    if (it != document.MemberEnd() && it->value.IsObject()) {
      definitions.Swap(it->value);
      document.RemoveMember("definitions");
    }
  }
  rapidjson::Value root = convert_schema(document, pending.file);
  schemas_.emplace_back(pending.name, std::move(root));
  if (definitions.IsObject()) {
    for (const auto& definition : definitions.GetObject()) {
      schemas_.emplace_back(pending.name + "." + component_name(definition.name.GetString()),
                            convert_schema(definition.value, pending.file));
    }
  }
}

rapidjson::Value SchemaComponents::convert_schema(const rapidjson::Value& schema,
                                                  const fs::path& file) {
  if (!schema.IsObject()) return rapidjson::Value(schema, allocator_);
  rapidjson::Value out(rapidjson::kObjectType);
  const auto add = [&](const std::string& key, rapidjson::Value value) {
    out.AddMember(rapidjson::Value(key.c_str(), allocator_), value, allocator_);
  };
  const bool has_ref = schema.HasMember("$ref");
  const auto items = schema.FindMember("items");
  const bool tuple = items != schema.MemberEnd() && items->value.IsArray();
  for (const auto& member : schema.GetObject()) {
    const std::string key = member.name.GetString();
    const rapidjson::Value& value = member.value;
    if (key == "$schema" || key == "$id") continue;
    // Definitions beside a "$ref" are still places other "$ref"s point at.
    const bool keep_beside_ref =
        key == "$ref" || is_annotation(key) || key == "definitions" || key == "$defs";
    if (has_ref && !keep_beside_ref) continue;
    if (key == "$ref" && value.IsString()) {
      add(key, rapidjson::Value(rewrite_ref(value.GetString(), file).c_str(), allocator_));
    } else if (is_schema_map(key) && value.IsObject()) {
      rapidjson::Value map(rapidjson::kObjectType);
      for (const auto& entry : value.GetObject()) {
        map.AddMember(rapidjson::Value(entry.name, allocator_), convert_schema(entry.value, file),
                      allocator_);
      }
      add(key == "definitions" ? "$defs" : key, std::move(map));
    } else if (key == "dependencies" && value.IsObject()) {
      rapidjson::Value required(rapidjson::kObjectType);
      rapidjson::Value schemas(rapidjson::kObjectType);
      for (const auto& entry : value.GetObject()) {
        rapidjson::Value name(entry.name, allocator_);
        if (entry.value.IsArray()) {
          required.AddMember(name, rapidjson::Value(entry.value, allocator_), allocator_);
        } else {
          schemas.AddMember(name, convert_schema(entry.value, file), allocator_);
        }
      }
      if (required.MemberCount() > 0) add("dependentRequired", std::move(required));
      if (schemas.MemberCount() > 0) add("dependentSchemas", std::move(schemas));
    } else if (key == "items" && tuple) {
      rapidjson::Value list(rapidjson::kArrayType);
      for (const auto& item : value.GetArray())
        list.PushBack(convert_schema(item, file), allocator_);
      add("prefixItems", std::move(list));
      const auto additional = schema.FindMember("additionalItems");
      if (additional != schema.MemberEnd()) add("items", convert_schema(additional->value, file));
    } else if (key == "additionalItems") {
      continue;  // with tuple items it became "items"; otherwise draft-07 ignores it
    } else if ((key == "items" || is_single_schema(key))) {
      add(key, convert_schema(value, file));
    } else if (is_schema_list(key) && value.IsArray()) {
      rapidjson::Value list(rapidjson::kArrayType);
      for (const auto& item : value.GetArray())
        list.PushBack(convert_schema(item, file), allocator_);
      add(key, std::move(list));
    } else {
      add(key, rapidjson::Value(value, allocator_));  // enum, const, default, ...: data
    }
  }
  return out;
}

std::string SchemaComponents::rewrite_ref(const std::string& ref, const fs::path& file) {
  const std::size_t hash = ref.find('#');
  const std::string target = ref.substr(0, hash);
  const std::string fragment = hash == std::string::npos ? "" : ref.substr(hash + 1);
  if (target.find(':') != std::string::npos) {
    Finding f;
    f.severity = Severity::warning;
    f.keyword = "$ref";
    f.message = file.string() + ": \"$ref\": \"" + ref + "\" is not a file beside it; left as is";
    findings_.push_back(std::move(f));
    return ref;
  }
  std::string outside;
  if (!target.empty() && !folders_.admits(file.parent_path() / target, outside)) {
    Finding f;
    f.keyword = "$ref";
    f.message = file.string() + ": \"$ref\": \"" + ref + "\": " + outside;
    findings_.push_back(std::move(f));
    return ref;
  }
  const std::string name = name_of(target.empty() ? file : file.parent_path() / target);
  if (fragment.empty() || fragment == "/") return kComponentsPrefix + name;
  if (fragment[0] != '/') {
    Finding f;
    f.severity = Severity::warning;
    f.keyword = "$ref";
    f.message = file.string() + ": \"$ref\": \"" + ref +
                "\" names an anchor; it now points at the whole file's schema";
    findings_.push_back(std::move(f));
    return kComponentsPrefix + name;
  }
  const std::vector<std::string> tokens = split_pointer(fragment);
  if (tokens.size() >= 2 && tokens[0] == "definitions") {
    std::string definition;  // a malformed escape stays as written
    if (!json::unescape_token(tokens[1], definition)) definition = tokens[1];
    return kComponentsPrefix + name + "." + component_name(definition) +
           rewrite_pointer_tail(tokens, 2);
  }
  return kComponentsPrefix + name + rewrite_pointer_tail(tokens, 0);
}

}  // namespace conform::openapi
