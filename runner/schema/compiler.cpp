#include "schema/compiler.hpp"

#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "codec/json_pointer.hpp"
#include "json/pointer.hpp"
#include "schema/ecma_regex.hpp"
#include "schema/json_value.hpp"
#include "schema/schema.hpp"
#include "schema/uri.hpp"

namespace conform::schema {
namespace {

std::uint8_t type_bit(std::string_view name) {
  if (name == "null") return kTypeNull;
  if (name == "boolean") return kTypeBoolean;
  if (name == "object") return kTypeObject;
  if (name == "array") return kTypeArray;
  if (name == "number") return kTypeNumber;
  if (name == "string") return kTypeString;
  if (name == "integer") return kTypeInteger;
  return 0;
}

bool is_schema_value(const rapidjson::Value& value) { return value.IsObject() || value.IsBool(); }

class Compiler {
 public:
  Compiler(DocumentStore& store, CompiledGraph& graph, const Document& root)
      : store_(store), graph_(graph), root_(root) {}

  const Node* compile_document(const std::shared_ptr<const Document>& document) {
    keep(document);
    return node_at(*document, "", document->json, apply_id(document->uri, document->json));
  }

 private:
  [[noreturn]] void fail(const Document& document, const std::string& pointer,
                         const std::string& message) {
    throw SchemaError(document.label, pointer, message);
  }

  void keep(const std::shared_ptr<const Document>& document) {
    for (const auto& kept : graph_.documents) {
      if (kept == document) return;
    }
    graph_.documents.push_back(document);
  }

  Node* node_at(const Document& document, const std::string& pointer, const rapidjson::Value& value,
                const std::string& base) {
    auto key = std::make_pair(&document, pointer);
    auto found = memo_.find(key);
    if (found != memo_.end()) return found->second;
    Node& node = graph_.nodes.emplace_back();
    memo_.emplace(key, &node);
    node.path = &document == &root_ ? pointer : document.uri + "#" + pointer;
    compile(node, document, pointer, value, base);
    return &node;
  }

  const Node* subschema(const Document& document, const std::string& pointer,
                        const rapidjson::Value& value, const std::string& parent_base) {
    if (!is_schema_value(value)) fail(document, pointer, "a schema must be an object or a boolean");
    return node_at(document, pointer, value, apply_id(parent_base, value));
  }

  const Node* resolve_ref(const Document& document, const std::string& pointer,
                          const std::string& reference, const std::string& base) {
    // A schema from a pull request must not read /etc/passwd: files are named relative to
    // the schema (or through a --map'ped URL prefix), never by an absolute path.
    const bool file_base = base.rfind("file://", 0) == 0;
    if ((file_base && !reference.empty() && reference[0] == '/') ||
        reference.rfind("file:", 0) == 0) {
      fail(document, pointer,
           "$ref " + reference +
               ": an absolute file path; name schema files relative to the schema, or map a URL "
               "prefix to a folder (--map)");
    }
    std::string uri = resolve_uri(base, reference);
    SchemaLocation location;
    std::string error;
    if (!store_.find(uri, location, error))
      fail(document, pointer, "$ref " + reference + ": " + error);
    const rapidjson::Value* target =
        codec::resolve_pointer(location.document->json, location.pointer);
    if (target == nullptr) {
      fail(document, pointer, "$ref target not found: " + reference + " (" + uri + ")");
    }
    if (!is_schema_value(*target)) {
      fail(document, pointer, "$ref target is not a schema: " + reference);
    }
    keep(location.document);
    return node_at(*location.document, location.pointer, *target,
                   DocumentStore::base_uri_at(*location.document, location.pointer));
  }

  std::size_t count(const Document& document, const std::string& pointer,
                    const rapidjson::Value& value, const char* keyword) {
    if (!value.IsNumber() || !is_integer(value) || value.GetDouble() < 0) {
      fail(document, pointer,
           "\"" + std::string(keyword) + "\" must be a non-negative integer, not " +
               compact_json(value));
    }
    double number = value.GetDouble();
    return number >= 1.8e19 ? std::numeric_limits<std::size_t>::max()
                            : static_cast<std::size_t>(number);
  }

  double number(const Document& document, const std::string& pointer, const rapidjson::Value& value,
                const char* keyword) {
    if (!value.IsNumber()) {
      fail(document, pointer,
           "\"" + std::string(keyword) + "\" must be a number, not " + compact_json(value));
    }
    return value.GetDouble();
  }

  std::vector<const Node*> schema_array(const Document& document, const std::string& pointer,
                                        const rapidjson::Value& value, const std::string& base,
                                        const char* keyword) {
    if (!value.IsArray() || value.Empty()) {
      fail(document, pointer,
           "\"" + std::string(keyword) + "\" must be a non-empty array of schemas");
    }
    std::vector<const Node*> nodes;
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      nodes.push_back(subschema(document, pointer + "/" + std::to_string(i), value[i], base));
    }
    return nodes;
  }

  void compile(Node& node, const Document& document, const std::string& pointer,
               const rapidjson::Value& value, const std::string& base) {
    if (value.IsBool()) {
      node.kind = value.GetBool() ? Node::Kind::always : Node::Kind::never;
      return;
    }
    auto ref = value.FindMember("$ref");
    if (ref != value.MemberEnd()) {
      // Draft-07: "$ref" overrides every sibling keyword.
      std::string at = json::child_pointer(pointer, "$ref");
      if (!ref->value.IsString()) fail(document, at, "\"$ref\" must be a string");
      node.kind = Node::Kind::ref;
      node.ref = resolve_ref(document, at, ref->value.GetString(), base);
      return;
    }
    for (auto& member : value.GetObject()) {
      std::string_view keyword(member.name.GetString(), member.name.GetStringLength());
      compile_keyword(node, document, json::child_pointer(pointer, keyword), keyword, member.value,
                      base);
    }
    finish_object_checks(node);
    bool only_type = node.const_value == nullptr && node.enum_values == nullptr &&
                     !node.has_applicators && !node.has_number_checks && !node.has_string_checks &&
                     !node.has_array_checks && !node.has_object_checks && !node.has_properties;
    if (only_type && node.types == 0) node.kind = Node::Kind::always;
    node.type_only = only_type;
  }

  void compile_keyword(Node& node, const Document& document, const std::string& at,
                       std::string_view keyword, const rapidjson::Value& value,
                       const std::string& base) {
    if (keyword == "type") {
      compile_type(node, document, at, value);
    } else if (keyword == "enum") {
      if (!value.IsArray()) fail(document, at, "\"enum\" must be an array");
      node.enum_values = &value;
    } else if (keyword == "x-enumNames") {
      if (!value.IsArray()) fail(document, at, "\"x-enumNames\" must be an array of names");
      node.enum_names = &value;
    } else if (keyword == "title") {
      if (value.IsString()) node.title.assign(value.GetString(), value.GetStringLength());
    } else if (keyword == "const") {
      node.const_value = &value;
    } else if (keyword == "allOf" || keyword == "anyOf" || keyword == "oneOf") {
      auto nodes = schema_array(document, at, value, base, keyword.data());
      (keyword == "allOf"   ? node.all_of
       : keyword == "anyOf" ? node.any_of
                            : node.one_of) = std::move(nodes);
      node.has_applicators = true;
    } else if (keyword == "not" || keyword == "if" || keyword == "then" || keyword == "else") {
      const Node* child = subschema(document, at, value, base);
      (keyword == "not"    ? node.not_schema
       : keyword == "if"   ? node.if_schema
       : keyword == "then" ? node.then_schema
                           : node.else_schema) = child;
      node.has_applicators = true;
    } else if (keyword == "minimum" || keyword == "maximum" || keyword == "exclusiveMinimum" ||
               keyword == "exclusiveMaximum" || keyword == "multipleOf") {
      compile_number_keyword(node, document, at, keyword, value);
    } else if (keyword == "minLength") {
      node.min_length = count(document, at, value, "minLength");
      node.has_string_checks = true;
    } else if (keyword == "maxLength") {
      node.max_length = count(document, at, value, "maxLength");
      node.has_string_checks = true;
    } else if (keyword == "pattern") {
      if (!value.IsString()) fail(document, at, "\"pattern\" must be a string");
      node.pattern_source.assign(value.GetString(), value.GetStringLength());
      node.pattern = compile_regex(document, at, node.pattern_source);
      node.has_string_checks = true;
    } else if (keyword == "contentEncoding" || keyword == "contentMediaType") {
      // Asserted for the encoding and media type conform can check; others annotate only.
      if (!value.IsString()) fail(document, at, std::string(keyword) + " must be a string");
      const std::string_view text(value.GetString(), value.GetStringLength());
      if (keyword == "contentEncoding" && text == "base64") node.content_base64 = true;
      if (keyword == "contentMediaType" && text == "application/json") node.content_json = true;
      node.has_string_checks = node.has_string_checks || node.content_base64 || node.content_json;
    } else if (keyword == "format") {
      if (!value.IsString()) fail(document, at, "\"format\" must be a string");
      node.format = format_kind({value.GetString(), value.GetStringLength()});
      node.has_string_checks |= node.format != FormatKind::none;
    } else {
      compile_container_keyword(node, document, at, keyword, value, base);
    }
  }

  void compile_type(Node& node, const Document& document, const std::string& at,
                    const rapidjson::Value& value) {
    auto add = [&](const rapidjson::Value& name) {
      std::uint8_t bit = name.IsString() ? type_bit(name.GetString()) : 0;
      if (bit == 0) fail(document, at, "unknown type " + compact_json(name));
      node.types |= bit;
    };
    if (value.IsArray()) {
      for (auto& name : value.GetArray()) add(name);
      if (value.Empty()) fail(document, at, "\"type\" must name at least one type");
    } else {
      add(value);
    }
  }

  void compile_number_keyword(Node& node, const Document& document, const std::string& at,
                              std::string_view keyword, const rapidjson::Value& value) {
    double limit = number(document, at, value, keyword.data());
    node.has_number_checks = true;
    if (keyword == "minimum") {
      node.has_minimum = true;
      node.minimum = limit;
    } else if (keyword == "maximum") {
      node.has_maximum = true;
      node.maximum = limit;
    } else if (keyword == "exclusiveMinimum") {
      node.has_exclusive_minimum = true;
      node.exclusive_minimum = limit;
    } else if (keyword == "exclusiveMaximum") {
      node.has_exclusive_maximum = true;
      node.exclusive_maximum = limit;
    } else {
      if (!(limit > 0)) fail(document, at, "\"multipleOf\" must be greater than 0");
      node.multiple_of = limit;
    }
  }

  std::unique_ptr<RE2> compile_regex(const Document& document, const std::string& at,
                                     const std::string& source) {
    std::string error;
    auto regex = compile_ecma_regex(source, error);
    if (!regex) fail(document, at, "invalid regular expression " + source + ": " + error);
    return regex;
  }

  void compile_container_keyword(Node& node, const Document& document, const std::string& at,
                                 std::string_view keyword, const rapidjson::Value& value,
                                 const std::string& base) {
    if (keyword == "items") {
      node.has_array_checks = true;
      if (value.IsArray()) {
        node.tuple_items = true;
        for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
          node.item_list.push_back(
              subschema(document, at + "/" + std::to_string(i), value[i], base));
        }
      } else {
        node.items = subschema(document, at, value, base);
      }
    } else if (keyword == "additionalItems") {
      node.additional_items = subschema(document, at, value, base);
      node.has_array_checks = true;
    } else if (keyword == "contains") {
      node.contains = subschema(document, at, value, base);
      node.has_array_checks = true;
    } else if (keyword == "minItems") {
      node.min_items = count(document, at, value, "minItems");
      node.has_array_checks = true;
    } else if (keyword == "maxItems") {
      node.max_items = count(document, at, value, "maxItems");
      node.has_array_checks = true;
    } else if (keyword == "uniqueItems") {
      if (!value.IsBool()) fail(document, at, "\"uniqueItems\" must be a boolean");
      node.unique_items = value.GetBool();
      node.has_array_checks = true;
    } else if (keyword == "properties") {
      if (!value.IsObject()) fail(document, at, "\"properties\" must be an object of schemas");
      node.has_properties = true;
      for (auto& member : value.GetObject()) {
        std::string_view name(member.name.GetString(), member.name.GetStringLength());
        PropertyEntry entry;
        entry.name = std::string(name);
        entry.declared = true;
        entry.schema = subschema(document, json::child_pointer(at, name), member.value, base);
        property_entries_[&node].push_back(std::move(entry));
      }
    } else if (keyword == "required") {
      if (!value.IsArray()) fail(document, at, "\"required\" must be an array of strings");
      for (auto& name : value.GetArray()) {
        if (!name.IsString()) fail(document, at, "\"required\" must be an array of strings");
        std::string text(name.GetString(), name.GetStringLength());
        bool seen = false;
        for (const auto& known : node.required) seen |= known == text;
        if (!seen) node.required.push_back(std::move(text));
      }
    } else if (keyword == "patternProperties") {
      if (!value.IsObject()) fail(document, at, "\"patternProperties\" must be an object");
      for (auto& member : value.GetObject()) {
        std::string_view source(member.name.GetString(), member.name.GetStringLength());
        std::string member_at = json::child_pointer(at, source);
        PatternProperty property;
        property.source = std::string(source);
        property.regex = compile_regex(document, member_at, property.source);
        property.schema = subschema(document, member_at, member.value, base);
        node.pattern_properties.push_back(std::move(property));
      }
    } else if (keyword == "additionalProperties") {
      node.has_additional_properties = true;
      node.additional_properties = subschema(document, at, value, base);
    } else if (keyword == "dependencies") {
      if (!value.IsObject()) fail(document, at, "\"dependencies\" must be an object");
      for (auto& member : value.GetObject()) {
        std::string_view name(member.name.GetString(), member.name.GetStringLength());
        Dependency dependency;
        dependency.property = std::string(name);
        if (member.value.IsArray()) {
          for (auto& item : member.value.GetArray()) {
            if (!item.IsString()) {
              fail(document, json::child_pointer(at, name),
                   "property dependencies must be strings");
            }
            dependency.properties.emplace_back(item.GetString(), item.GetStringLength());
          }
        } else {
          dependency.schema =
              subschema(document, json::child_pointer(at, name), member.value, base);
        }
        node.dependencies.push_back(std::move(dependency));
      }
    } else if (keyword == "propertyNames") {
      node.property_names = subschema(document, at, value, base);
    } else if (keyword == "minProperties") {
      node.min_properties = count(document, at, value, "minProperties");
    } else if (keyword == "maxProperties") {
      node.max_properties = count(document, at, value, "maxProperties");
    }
    // Every other keyword ("$id", "title", "definitions", unknown ones) is an annotation.
  }

  void finish_object_checks(Node& node) {
    std::vector<PropertyEntry> entries = std::move(property_entries_[&node]);
    property_entries_.erase(&node);
    for (std::size_t bit = 0; bit < node.required.size(); ++bit) {
      bool found = false;
      for (auto& entry : entries) {
        if (entry.name == node.required[bit]) {
          entry.required_bit = static_cast<std::int32_t>(bit);
          found = true;
        }
      }
      if (!found) {
        PropertyEntry entry;
        entry.name = node.required[bit];
        entry.required_bit = static_cast<std::int32_t>(bit);
        entries.push_back(std::move(entry));
      }
    }
    node.properties.build(std::move(entries));
    for (const auto& entry : node.properties.entries()) {
      if (entry.declared) node.documented_names.push_back(entry.name);
    }
    node.has_object_checks = node.has_properties || !node.required.empty() ||
                             !node.pattern_properties.empty() || node.has_additional_properties ||
                             !node.dependencies.empty() || node.property_names != nullptr ||
                             node.min_properties > 0 ||
                             node.max_properties != std::numeric_limits<std::size_t>::max();
  }

  DocumentStore& store_;
  CompiledGraph& graph_;
  const Document& root_;
  std::map<std::pair<const Document*, std::string>, Node*> memo_;
  std::unordered_map<const Node*, std::vector<PropertyEntry>> property_entries_;
};

// Edges along which evaluation stays on the same instance value: a cycle of them never
// ends.
template <typename Visit>
void for_each_in_place_edge(const Node& node, Visit visit) {
  if (node.ref) visit(node.ref);
  for (const Node* child : node.all_of) visit(child);
  for (const Node* child : node.any_of) visit(child);
  for (const Node* child : node.one_of) visit(child);
  for (const Node* child : {node.not_schema, node.if_schema, node.then_schema, node.else_schema}) {
    if (child) visit(child);
  }
  for (const auto& dependency : node.dependencies) {
    if (dependency.schema) visit(dependency.schema);
  }
}

// Returns a node on a cycle reachable from `node`, or nullptr.
const Node* find_loop(const Node* node, std::unordered_map<const Node*, int>& state) {
  int& mark = state[node];
  if (mark == 2) return nullptr;
  if (mark == 1) return node;
  mark = 1;
  const Node* loop = nullptr;
  for_each_in_place_edge(*node, [&](const Node* next) {
    if (!loop) loop = find_loop(next, state);
  });
  state[node] = 2;
  return loop;
}

}  // namespace

std::shared_ptr<const CompiledGraph> compile_schema(
    DocumentStore& store, const std::shared_ptr<const Document>& document) {
  auto graph = std::make_shared<CompiledGraph>();
  Compiler compiler(store, *graph, *document);
  graph->root = compiler.compile_document(document);
  std::unordered_map<const Node*, int> state;
  for (const Node& node : graph->nodes) {
    if (const Node* loop = find_loop(&node, state)) {
      std::string_view path = loop->path;
      std::size_t hash = path.find('#');
      std::string pointer(hash == std::string_view::npos ? path : path.substr(hash + 1));
      std::string label =
          hash == std::string_view::npos ? document->label : std::string(path.substr(0, hash));
      throw SchemaError(label, loop->ref ? pointer + "/$ref" : pointer,
                        "$ref loop: this schema refers back to itself without consuming any "
                        "part of the instance");
    }
  }
  return graph;
}

}  // namespace conform::schema
