#include "drift/infer.hpp"

#include <map>
#include <memory>
#include <set>
#include <string>

#include "schema/formats.hpp"
#include "secret/policy.hpp"

namespace conform::drift {
namespace {

using Allocator = rapidjson::Document::AllocatorType;

constexpr std::size_t kMaxEnumValues = 5;
constexpr std::size_t kMinEnumSamples = 4;

// Everything seen at one place of the bodies.
struct Node {
  std::set<std::string> types;
  std::size_t objects = 0;
  std::vector<std::string> order;  // property names, first seen first
  std::map<std::string, std::unique_ptr<Node>> properties;
  std::map<std::string, std::size_t> present;  // property -> objects that had it
  std::unique_ptr<Node> items;
  std::vector<std::string> strings;
  std::size_t values = 0;
  std::size_t redacted = 0;  // "***": the recording hid the value, and so its type

  void add(const rapidjson::Value& value) {
    ++values;
    if (value.IsObject()) {
      types.insert("object");
      ++objects;
      for (const auto& m : value.GetObject()) {
        const std::string name(m.name.GetString(), m.name.GetStringLength());
        auto& child = properties[name];
        if (!child) {
          child = std::make_unique<Node>();
          order.push_back(name);
        }
        ++present[name];
        child->add(m.value);
      }
    } else if (value.IsArray()) {
      types.insert("array");
      if (!items) items = std::make_unique<Node>();
      for (const auto& element : value.GetArray()) items->add(element);
    } else if (value.IsString() && value.GetString() == secret::kRedacted) {
      ++redacted;
    } else if (value.IsString()) {
      types.insert("string");
      strings.emplace_back(value.GetString(), value.GetStringLength());
    } else if (value.IsBool()) {
      types.insert("boolean");
    } else if (value.IsNull()) {
      types.insert("null");
    } else if (value.IsInt64() || value.IsUint64() ||
               (value.IsDouble() && value.GetDouble() == static_cast<double>(static_cast<long long>(
                                                             value.GetDouble())))) {
      types.insert("integer");
    } else {
      types.insert("number");
    }
  }
};

rapidjson::Value text(const std::string& value, Allocator& allocator) {
  return rapidjson::Value(value.data(), static_cast<rapidjson::SizeType>(value.size()), allocator);
}

const char* detect_format(const std::vector<std::string>& strings) {
  if (strings.empty()) return nullptr;
  using schema::FormatKind;
  const std::pair<FormatKind, const char*> candidates[] = {
      {FormatKind::date_time, "date-time"}, {FormatKind::date, "date"},
      {FormatKind::email, "email"},         {FormatKind::uuid, "uuid"},
      {FormatKind::ipv4, "ipv4"},           {FormatKind::uri, "uri"},
  };
  for (const auto& [kind, name] : candidates) {
    bool all = true;
    for (const auto& value : strings) all = all && schema::check_format(kind, value);
    if (all) return name;
  }
  return nullptr;
}

rapidjson::Value to_schema(const Node& node, Allocator& allocator) {
  rapidjson::Value schema(rapidjson::kObjectType);
  if (node.redacted > 0 && node.types.empty()) {
    schema.AddMember("description", "redacted in every recorded body: its type is unknown",
                     allocator);
    return schema;
  }
  std::set<std::string> types = node.types;
  if (types.count("number")) types.erase("integer");
  if (types.size() == 1) {
    schema.AddMember("type", text(*types.begin(), allocator), allocator);
  } else if (types.size() > 1) {
    rapidjson::Value list(rapidjson::kArrayType);
    for (const auto& type : types) list.PushBack(text(type, allocator), allocator);
    schema.AddMember("type", list, allocator);
  }
  if (types.count("string")) {
    const std::set<std::string> distinct(node.strings.begin(), node.strings.end());
    if (const char* format = detect_format(node.strings)) {
      schema.AddMember("format", rapidjson::StringRef(format), allocator);
    } else if (node.strings.size() >= kMinEnumSamples && distinct.size() >= 2 &&
               distinct.size() <= kMaxEnumValues && node.strings.size() >= 2 * distinct.size() &&
               types.size() == 1) {
      rapidjson::Value values(rapidjson::kArrayType);
      for (const auto& value : distinct) values.PushBack(text(value, allocator), allocator);
      schema.AddMember("enum", values, allocator);
    }
    if (!node.strings.empty()) {
      rapidjson::Value examples(rapidjson::kArrayType);
      examples.PushBack(text(node.strings.front(), allocator), allocator);
      schema.AddMember("examples", examples, allocator);
    }
  }
  if (types.count("object")) {
    rapidjson::Value properties(rapidjson::kObjectType);
    rapidjson::Value required(rapidjson::kArrayType);
    for (const std::string& name : node.order) {
      properties.AddMember(text(name, allocator), to_schema(*node.properties.at(name), allocator),
                           allocator);
      if (node.present.at(name) == node.objects)
        required.PushBack(text(name, allocator), allocator);
    }
    schema.AddMember("properties", properties, allocator);
    if (!required.Empty()) schema.AddMember("required", required, allocator);
    schema.AddMember("additionalProperties", false, allocator);
  }
  if (types.count("array") && node.items && node.items->values > 0) {
    schema.AddMember("items", to_schema(*node.items, allocator), allocator);
  }
  return schema;
}

}  // namespace

rapidjson::Document infer_schema(const std::vector<const rapidjson::Value*>& samples) {
  Node root;
  for (const rapidjson::Value* sample : samples) root.add(*sample);
  rapidjson::Document document(rapidjson::kObjectType);
  auto& allocator = document.GetAllocator();
  document.AddMember("$schema", "http://json-schema.org/draft-07/schema#", allocator);
  rapidjson::Value body = to_schema(root, allocator);
  for (auto& member : body.GetObject()) {
    document.AddMember(rapidjson::Value(member.name, allocator),
                       rapidjson::Value(member.value, allocator), allocator);
  }
  return document;
}

}  // namespace conform::drift
