#include "codec/schema_view.hpp"

#include <utility>

#include "codec/json_source_map.hpp"
#include "json/pointer.hpp"

namespace conform::codec {
namespace {

unsigned type_bit(std::string_view name) {
  if (name == "null") return kTypeNull;
  if (name == "boolean") return kTypeBoolean;
  if (name == "integer") return kTypeInteger;
  if (name == "number") return kTypeNumber | kTypeInteger;
  if (name == "string") return kTypeString;
  if (name == "array") return kTypeArray;
  if (name == "object") return kTypeObject;
  return 0;
}

unsigned type_of_value(const rapidjson::Value& v) {
  if (v.IsNull()) return kTypeNull;
  if (v.IsBool()) return kTypeBoolean;
  if (v.IsInt64() || v.IsUint64()) return kTypeInteger;
  if (v.IsNumber()) return kTypeNumber;
  if (v.IsString()) return kTypeString;
  if (v.IsArray()) return kTypeArray;
  return kTypeObject;
}

// The value at a JSON Pointer fragment ("/definitions/x") inside `document`.
const rapidjson::Value* at_fragment(const rapidjson::Value* document, std::string_view fragment) {
  const auto tokens = json::split_pointer(fragment);
  if (!tokens) return nullptr;
  const rapidjson::Value* v = document;
  for (const auto& token : *tokens) {
    if (v->IsObject()) {
      const auto it = v->FindMember(rapidjson::StringRef(token.data(), token.size()));
      if (it == v->MemberEnd()) return nullptr;
      v = &it->value;
    } else if (v->IsArray()) {
      char* end = nullptr;
      const unsigned long index = std::strtoul(token.c_str(), &end, 10);
      if (token.empty() || *end != '\0' || index >= v->Size()) return nullptr;
      v = &(*v)[static_cast<rapidjson::SizeType>(index)];
    } else {
      return nullptr;
    }
  }
  return v;
}

const rapidjson::Value* member(const rapidjson::Value* v, const char* name) {
  if (v == nullptr || !v->IsObject()) return nullptr;
  const auto it = v->FindMember(name);
  return it == v->MemberEnd() ? nullptr : &it->value;
}

}  // namespace

SchemaView::SchemaView(const rapidjson::Value* root, SchemaResolver resolver)
    : root_(root), resolver_(std::move(resolver)) {}

SchemaNode SchemaView::resolve(SchemaNode node) const {
  // Bounded: a "$ref" loop ends here instead of spinning (the schema engine reports it).
  for (int hops = 0; node.value != nullptr && hops < 64; ++hops) {
    const rapidjson::Value* ref = member(node.value, "$ref");
    if (ref == nullptr || !ref->IsString()) return node;
    const std::string_view text(ref->GetString(), ref->GetStringLength());
    const std::size_t hash = text.find('#');
    const std::string_view uri = text.substr(0, hash);
    const std::string_view fragment =
        hash == std::string_view::npos ? std::string_view() : text.substr(hash + 1);
    const rapidjson::Value* document = node.document;
    if (!uri.empty()) {
      document = resolver_ ? resolver_(uri) : nullptr;
      if (document == nullptr) return {};
    }
    node = {at_fragment(document, fragment), document};
  }
  return node.value != nullptr && member(node.value, "$ref") == nullptr ? node : SchemaNode{};
}

unsigned SchemaView::types(SchemaNode node) const {
  node = resolve(node);
  if (!node || !node.value->IsObject()) return kTypeAny;
  if (const auto* type = member(node.value, "type")) {
    if (type->IsString()) return type_bit({type->GetString(), type->GetStringLength()});
    unsigned bits = 0;
    if (type->IsArray()) {
      for (const auto& t : type->GetArray()) {
        if (t.IsString()) bits |= type_bit({t.GetString(), t.GetStringLength()});
      }
    }
    return bits != 0 ? bits : kTypeAny;
  }
  if (const auto* constant = member(node.value, "const")) return type_of_value(*constant);
  if (const auto* values = member(node.value, "enum"); values != nullptr && values->IsArray()) {
    unsigned bits = 0;
    for (const auto& v : values->GetArray()) bits |= type_of_value(v);
    if (bits != 0) return bits;
  }
  if (const auto* all = member(node.value, "allOf"); all != nullptr && all->IsArray()) {
    unsigned bits = kTypeAny;
    for (const auto& branch : all->GetArray()) bits &= types({&branch, node.document});
    if (bits != 0 && bits != kTypeAny) return bits;
  }
  for (const char* name : {"anyOf", "oneOf"}) {
    if (const auto* branches = member(node.value, name);
        branches != nullptr && branches->IsArray()) {
      unsigned bits = 0;
      for (const auto& branch : branches->GetArray()) bits |= types({&branch, node.document});
      if (bits != 0) return bits;
    }
  }
  if (member(node.value, "properties") || member(node.value, "additionalProperties") ||
      member(node.value, "required")) {
    return kTypeObject;
  }
  if (member(node.value, "items")) return kTypeArray;
  return kTypeAny;
}

SchemaNode SchemaView::property(SchemaNode node, std::string_view name) const {
  node = resolve(node);
  if (!node || !node.value->IsObject()) return {};
  if (const auto* properties = member(node.value, "properties");
      properties != nullptr && properties->IsObject()) {
    const auto it = properties->FindMember(
        rapidjson::StringRef(name.data(), static_cast<rapidjson::SizeType>(name.size())));
    if (it != properties->MemberEnd()) return {&it->value, node.document};
  }
  for (const char* combinator : {"allOf", "anyOf", "oneOf"}) {
    if (const auto* branches = member(node.value, combinator);
        branches != nullptr && branches->IsArray()) {
      for (const auto& branch : branches->GetArray()) {
        if (const SchemaNode found = property({&branch, node.document}, name)) return found;
      }
    }
  }
  if (const auto* additional = member(node.value, "additionalProperties");
      additional != nullptr && additional->IsObject()) {
    return {additional, node.document};
  }
  return {};
}

bool SchemaView::declares(SchemaNode node, std::string_view name) const {
  node = resolve(node);
  if (!node || !node.value->IsObject()) return false;
  if (const auto* properties = member(node.value, "properties");
      properties != nullptr && properties->IsObject() &&
      properties->HasMember(
          rapidjson::StringRef(name.data(), static_cast<rapidjson::SizeType>(name.size())))) {
    return true;
  }
  for (const char* combinator : {"allOf", "anyOf", "oneOf"}) {
    if (const auto* branches = member(node.value, combinator);
        branches != nullptr && branches->IsArray()) {
      for (const auto& branch : branches->GetArray()) {
        if (declares({&branch, node.document}, name)) return true;
      }
    }
  }
  return false;
}

SchemaNode SchemaView::items(SchemaNode node) const {
  node = resolve(node);
  if (!node || !node.value->IsObject()) return {};
  if (const auto* items = member(node.value, "items"); items != nullptr && items->IsObject()) {
    return {items, node.document};
  }
  for (const char* combinator : {"allOf", "anyOf", "oneOf"}) {
    if (const auto* branches = member(node.value, combinator);
        branches != nullptr && branches->IsArray()) {
      for (const auto& branch : branches->GetArray()) {
        if (const SchemaNode found = items({&branch, node.document})) return found;
      }
    }
  }
  return {};
}

}  // namespace conform::codec
