#include "generate/variants.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string_view>

#include "generate/pattern_sample.hpp"
#include "generate/prng.hpp"
#include "generate/text_values.hpp"
#include "json/pointer.hpp"
#include "schema/json_value.hpp"

namespace conform::generate {
namespace {

using Allocator = rapidjson::Document::AllocatorType;
using Doc = std::shared_ptr<const rapidjson::Document>;

// The most members or items a boundary value gets: a contract's maxItems of 10,000 is
// tested by the violation (one more) only, so no request grows without bound.
constexpr std::size_t kMaxSpelledOut = 200;

bool allows(const schema::Node& node, unsigned bits) {
  return node.types == 0 || (node.types & bits) != 0;
}

std::uint64_t path_seed(const std::string& path) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : path) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

Doc document_of(const std::function<void(rapidjson::Value&, Allocator&)>& fill) {
  auto doc = std::make_shared<rapidjson::Document>();
  fill(*doc, doc->GetAllocator());
  return doc;
}

Doc string_doc(const std::string& text) {
  return document_of([&](rapidjson::Value& v, Allocator& a) {
    v.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()), a);
  });
}

Doc number_doc(double number, bool integer) {
  return document_of([&](rapidjson::Value& v, Allocator&) {
    if (integer) {
      v.SetInt64(static_cast<std::int64_t>(number));
    } else {
      v.SetDouble(number);
    }
  });
}

std::string number_text(double number) {
  if (std::floor(number) == number && std::fabs(number) < 9e15) {
    return std::to_string(static_cast<std::int64_t>(number));
  }
  return std::to_string(number);
}

bool matches(const schema::Node& node, const std::string& text) {
  return !node.pattern || RE2::PartialMatch(text, *node.pattern);
}

// A string `node` accepts, or nullopt.
std::optional<std::string> valid_string(const schema::Node& node) {
  if (node.pattern) {
    Prng prng(path_seed(node.path));
    for (int attempt = 0; attempt < 8; ++attempt) {
      auto sample = sample_pattern(node.pattern_source, prng);
      if (sample && matches(node, *sample)) return sample;
    }
    return std::nullopt;
  }
  if (!valid_forms(node.format).empty()) return std::string(valid_forms(node.format).front().text);
  return code_points(node.min_length, false);
}

// A value of a JSON type `node` does not allow (types given), labelled with the type.
std::optional<std::pair<const char*, Doc>> wrong_type(const schema::Node& node) {
  if (node.types == 0) return std::nullopt;
  if (!allows(node, schema::kTypeString)) return std::make_pair("string", string_doc("wrong-type"));
  if (!allows(node, schema::kTypeInteger | schema::kTypeNumber)) {
    return std::make_pair("integer", number_doc(7, true));
  }
  if (!allows(node, schema::kTypeBoolean)) {
    return std::make_pair("boolean",
                          document_of([](rapidjson::Value& v, Allocator&) { v.SetBool(true); }));
  }
  return std::nullopt;
}

bool is_integer_only(const schema::Node& node) {
  return (node.types & schema::kTypeInteger) != 0 && (node.types & schema::kTypeNumber) == 0;
}

bool forbids_others(const schema::Node& node) {
  return node.has_additional_properties && node.additional_properties &&
         resolved(*node.additional_properties).kind == schema::Node::Kind::never;
}

// A member name one edit away from `name` that `node` does not declare: the typo a sender
// makes.
std::optional<std::string> near_miss(const schema::Node& node, const std::string& name) {
  if (name.size() < 3) return std::nullopt;
  std::string candidate = name;
  const std::size_t middle = name.size() / 2;
  std::swap(candidate[middle - 1], candidate[middle]);
  if (candidate == name) candidate.erase(middle, 1);
  if (node.properties.find(candidate.data(), candidate.size())) return std::nullopt;
  return candidate;
}

// An object of `count` members "k0", "k1", ... each a minimal value of the
// additionalProperties schema: the maxProperties boundary and one past it.
Doc members(const VariantMaker& maker, const schema::Node& node, std::size_t count) {
  return document_of([&](rapidjson::Value& v, Allocator& a) {
    v.SetObject();
    maker.minimal(node, v, a);
    for (std::size_t i = v.MemberCount(); i < count; ++i) {
      const std::string key = "k" + std::to_string(i);
      rapidjson::Value value;
      maker.minimal(*node.additional_properties, value, a);
      v.AddMember(rapidjson::Value(key.data(), static_cast<rapidjson::SizeType>(key.size()), a),
                  value, a);
    }
  });
}

bool spells_out_properties(const schema::Node& node) {
  return node.max_properties <= kMaxSpelledOut && node.additional_properties &&
         resolved(*node.additional_properties).kind != schema::Node::Kind::never;
}
// Each item variant as an array holding that item alone.
void add_as_items(std::vector<ValueVariant> items, std::vector<ValueVariant>& out) {
  for (ValueVariant& item : items) {
    out.push_back({std::move(item.covered), document_of([&](rapidjson::Value& v, Allocator& a) {
                     v.SetArray();
                     v.PushBack(rapidjson::Value(*item.value, a), a);
                   })});
  }
}

// Each member change applied to the object `base`.
void add_as_objects(const rapidjson::Value& base, std::vector<EditVariant> edits,
                    std::vector<ValueVariant>& out) {
  for (EditVariant& edit : edits) {
    out.push_back({std::move(edit.covered), document_of([&](rapidjson::Value& v, Allocator& a) {
                     v.CopyFrom(base, a);
                     apply(edit.edit, v, a);
                   })});
  }
}

}  // namespace

const schema::Node& resolved(const schema::Node& node) {
  const schema::Node* at = &node;
  for (int hops = 0; at->kind == schema::Node::Kind::ref && at->ref && hops < 64; ++hops) {
    at = at->ref;
  }
  return *at;
}

void apply(const Edit& edit, rapidjson::Value& target, Allocator& allocator) {
  if (!target.IsObject()) return;
  target.RemoveMember(rapidjson::StringRef(edit.member.data(), edit.member.size()));
  if (!edit.value) return;
  rapidjson::Value name(edit.member.data(), static_cast<rapidjson::SizeType>(edit.member.size()),
                        allocator);
  rapidjson::Value value(*edit.value, allocator);
  target.AddMember(name, value, allocator);
}

bool VariantMaker::minimal(const schema::Node& in, rapidjson::Value& out, Allocator& a) const {
  const schema::Node& node = resolved(in);
  if (node.kind == schema::Node::Kind::never) return false;
  if (node.kind == schema::Node::Kind::always) {
    out.SetNull();
    return true;
  }
  if (node.const_value) {
    out.CopyFrom(*node.const_value, a);
    return true;
  }
  if (node.enum_values && node.enum_values->IsArray() && !node.enum_values->Empty()) {
    out.CopyFrom((*node.enum_values)[0], a);
    return true;
  }
  if (allows(node, schema::kTypeObject) && (node.types != 0 || node.has_properties)) {
    out.SetObject();
    for (const std::string& name : node.required) {
      const auto* entry = node.properties.find(name.data(), name.size());
      rapidjson::Value member;
      if (entry && entry->schema && !minimal(*entry->schema, member, a)) return false;
      if (!entry || !entry->schema) member.SetString("x", a);
      out.AddMember(rapidjson::Value(name.data(), static_cast<rapidjson::SizeType>(name.size()), a),
                    member, a);
    }
    return true;
  }
  if (allows(node, schema::kTypeString)) {
    auto text = valid_string(node);
    if (!text) return false;
    out.SetString(text->data(), static_cast<rapidjson::SizeType>(text->size()), a);
    return true;
  }
  if (allows(node, schema::kTypeInteger | schema::kTypeNumber)) {
    double value = 0;
    if (node.has_minimum) value = std::max(value, std::ceil(node.minimum));
    if (node.has_exclusive_minimum) value = std::max(value, std::floor(node.exclusive_minimum) + 1);
    if (node.has_maximum) value = std::min(value, std::floor(node.maximum));
    if (node.has_exclusive_maximum) value = std::min(value, std::ceil(node.exclusive_maximum) - 1);
    out.SetInt64(static_cast<std::int64_t>(value));
    return true;
  }
  if (allows(node, schema::kTypeBoolean)) {
    out.SetBool(false);
    return true;
  }
  if (allows(node, schema::kTypeArray)) {
    out.SetArray();
    for (std::size_t i = 0; i < node.min_items; ++i) {
      rapidjson::Value item;
      if (node.items && !minimal(*node.items, item, a)) return false;
      out.PushBack(item, a);
    }
    return true;
  }
  out.SetNull();
  return true;
}

std::vector<ValueVariant> VariantMaker::valid(const schema::Node& in,
                                              const std::string& pointer) const {
  const schema::Node& node = resolved(in);
  std::vector<ValueVariant> out;
  if (node.kind != schema::Node::Kind::checks) return out;
  const auto add = [&](const char* keyword, const std::string& detail, Doc value) {
    out.push_back({{pointer, keyword, detail}, std::move(value)});
  };
  if ((node.types & schema::kTypeNull) != 0) {
    add("type", "null", document_of([](rapidjson::Value& v, Allocator&) { v.SetNull(); }));
  }
  if (node.enum_values && node.enum_values->IsArray()) {
    for (const auto& value : node.enum_values->GetArray()) {
      Doc doc = document_of([&](rapidjson::Value& v, Allocator& a) { v.CopyFrom(value, a); });
      add("enum",
          value.IsString() ? value.GetString()
                           : (value.IsNumber() ? number_text(value.GetDouble()) : "value"),
          doc);
    }
    return out;
  }
  if (node.types != 0 && (node.types & schema::kTypeBoolean) != 0) {
    for (const bool b : {true, false}) {
      add("type", b ? "true" : "false",
          document_of([b](rapidjson::Value& v, Allocator&) { v.SetBool(b); }));
    }
  }
  if ((node.types & schema::kTypeString) != 0) {
    if (node.pattern) {
      if (auto text = valid_string(node)) add("pattern", "match", string_doc(*text));
    } else if (!valid_forms(node.format).empty()) {
      for (const FormatForm& form : valid_forms(node.format)) {
        add("format", form.label, string_doc(form.text));
      }
    } else {
      add("minLength", std::to_string(node.min_length),
          string_doc(code_points(node.min_length, true)));
      if (node.max_length <= kMaxSpelledOut * 10) {
        add("maxLength", std::to_string(node.max_length),
            string_doc(code_points(node.max_length, true)));
      } else {
        add("type", "unicode", string_doc(code_points(7, true)));
      }
    }
  }
  if ((node.types & (schema::kTypeInteger | schema::kTypeNumber)) != 0) {
    const bool integer = is_integer_only(node);
    if (node.has_minimum)
      add("minimum", number_text(node.minimum), number_doc(node.minimum, integer));
    if (node.has_maximum)
      add("maximum", number_text(node.maximum), number_doc(node.maximum, integer));
    if (!node.has_minimum && !node.has_maximum) {
      add("type", "zero", number_doc(0, integer));
      add("type", "large", number_doc(2147483647, integer));
    }
    if (!integer) add("type", "fraction", number_doc(0.5, false));
  }
  if ((node.types & schema::kTypeArray) != 0) {
    if (node.min_items == 0) {
      add("minItems", "0", document_of([](rapidjson::Value& v, Allocator&) { v.SetArray(); }));
    }
    if (node.items) {
      add_as_items(valid(*node.items, json::child_pointer(pointer, "0")), out);
    }
    if (node.max_items <= kMaxSpelledOut && !node.unique_items) {
      Doc full = document_of([&](rapidjson::Value& v, Allocator& a) {
        v.SetArray();
        for (std::size_t i = 0; i < node.max_items; ++i) {
          rapidjson::Value item;
          if (node.items) minimal(*node.items, item, a);
          v.PushBack(item, a);
        }
      });
      add("maxItems", std::to_string(node.max_items), full);
    }
  }
  if ((node.types & schema::kTypeObject) != 0 || (node.types == 0 && node.has_properties)) {
    rapidjson::Document base;
    if (!minimal(node, base, base.GetAllocator())) return out;
    add_as_objects(base, valid_edits(node, pointer), out);
    if (spells_out_properties(node)) {
      add("maxProperties", std::to_string(node.max_properties),
          members(*this, node, node.max_properties));
    }
  }
  return out;
}

std::vector<ValueVariant> VariantMaker::invalid(const schema::Node& in,
                                                const std::string& pointer) const {
  const schema::Node& node = resolved(in);
  std::vector<ValueVariant> out;
  if (node.kind != schema::Node::Kind::checks) return out;
  const auto add = [&](const char* keyword, const std::string& detail, Doc value) {
    out.push_back({{pointer, keyword, detail}, std::move(value)});
  };
  if (auto wrong = wrong_type(node)) add("type", wrong->first, wrong->second);
  if (node.enum_values && node.enum_values->IsArray() && !node.enum_values->Empty()) {
    const auto& first = (*node.enum_values)[0];
    if (first.IsString()) {
      add("enum", "NotInTheEnum", string_doc("NotInTheEnum"));
    } else if (first.IsNumber()) {
      double top = first.GetDouble();
      for (const auto& value : node.enum_values->GetArray()) {
        if (value.IsNumber()) top = std::max(top, value.GetDouble());
      }
      add("enum", number_text(top + 1), number_doc(top + 1, is_integer_only(node)));
    }
    return out;
  }
  if ((node.types & schema::kTypeString) != 0) {
    if (node.pattern) {
      for (const char* candidate : {"!", "not matching", "0"}) {
        if (!matches(node, candidate)) {
          add("pattern", candidate, string_doc(candidate));
          break;
        }
      }
    } else if (const char* bad = invalid_form(node.format)) {
      add("format", bad, string_doc(bad));
    } else {
      if (node.min_length > 0) {
        add("minLength", std::to_string(node.min_length - 1),
            string_doc(code_points(node.min_length - 1, true)));
      }
      if (node.max_length <= kMaxSpelledOut * 10) {
        add("maxLength", std::to_string(node.max_length + 1),
            string_doc(code_points(node.max_length + 1, true)));
      }
    }
  }
  if ((node.types & (schema::kTypeInteger | schema::kTypeNumber)) != 0) {
    const bool integer = is_integer_only(node);
    if (node.has_minimum) {
      add("minimum", number_text(node.minimum - 1), number_doc(node.minimum - 1, integer));
    }
    if (node.has_maximum) {
      add("maximum", number_text(node.maximum + 1), number_doc(node.maximum + 1, integer));
    }
    if (integer) add("type", "fraction", number_doc(1.5, false));
  }
  if ((node.types & schema::kTypeArray) != 0) {
    if (node.items) {
      add_as_items(invalid(*node.items, json::child_pointer(pointer, "0")), out);
    }
    if (node.max_items <= kMaxSpelledOut && !node.unique_items) {
      add("maxItems", std::to_string(node.max_items + 1),
          document_of([&](rapidjson::Value& v, Allocator& a) {
            v.SetArray();
            for (std::size_t i = 0; i <= node.max_items; ++i) {
              rapidjson::Value item;
              if (node.items) minimal(*node.items, item, a);
              v.PushBack(item, a);
            }
          }));
    }
  }
  if ((node.types & schema::kTypeObject) != 0 || (node.types == 0 && node.has_properties)) {
    rapidjson::Document base;
    if (!minimal(node, base, base.GetAllocator())) return out;
    add_as_objects(base, invalid_edits(node, pointer), out);
    if (spells_out_properties(node)) {
      add("maxProperties", std::to_string(node.max_properties + 1),
          members(*this, node, node.max_properties + 1));
    }
  }
  return out;
}

std::vector<EditVariant> VariantMaker::valid_edits(const schema::Node& in,
                                                   const std::string& pointer) const {
  const schema::Node& node = resolved(in);
  std::vector<EditVariant> out;
  for (const auto& entry : node.properties.entries()) {
    if (!entry.schema) continue;
    for (ValueVariant& variant : valid(*entry.schema, json::child_pointer(pointer, entry.name))) {
      out.push_back({std::move(variant.covered), {entry.name, std::move(variant.value)}});
    }
  }
  if (node.additional_properties && !forbids_others(node)) {
    const schema::Node& extra = *node.additional_properties;
    std::string key = "k";
    if (node.property_names) {
      const schema::Node& names = resolved(*node.property_names);
      if (names.max_length <= kMaxSpelledOut * 10) {
        key = code_points(names.max_length, true);
        out.push_back(
            {{pointer, "propertyNames", "maxLength " + std::to_string(names.max_length)},
             {key, document_of([&](rapidjson::Value& v, Allocator& a) { minimal(extra, v, a); })}});
        key = "k";
      }
    }
    for (ValueVariant& variant : valid(extra, json::child_pointer(pointer, key))) {
      out.push_back({std::move(variant.covered), {key, std::move(variant.value)}});
    }
  }
  return out;
}

std::vector<EditVariant> VariantMaker::invalid_edits(const schema::Node& in,
                                                     const std::string& pointer) const {
  const schema::Node& node = resolved(in);
  std::vector<EditVariant> out;
  for (const std::string& name : node.required) {
    out.push_back({{pointer, "required", name}, {name, nullptr}});
  }
  for (const auto& entry : node.properties.entries()) {
    if (!entry.schema) continue;
    for (ValueVariant& variant : invalid(*entry.schema, json::child_pointer(pointer, entry.name))) {
      out.push_back({std::move(variant.covered), {entry.name, std::move(variant.value)}});
    }
  }
  Doc any_value = string_doc("x");
  if (forbids_others(node)) {
    out.push_back({{json::child_pointer(pointer, "undocumentedMember"), "additionalProperties",
                    "undocumented"},
                   {"undocumentedMember", any_value}});
    for (const auto& entry : node.properties.entries()) {
      if (!entry.declared || !entry.schema) continue;
      if (auto typo = near_miss(node, entry.name)) {
        Doc value =
            document_of([&](rapidjson::Value& v, Allocator& a) { minimal(*entry.schema, v, a); });
        out.push_back({{json::child_pointer(pointer, *typo), "additionalProperties",
                        "near-miss " + entry.name},
                       {*typo, value}});
        break;
      }
    }
  } else if (node.additional_properties) {
    const schema::Node& extra = *node.additional_properties;
    for (ValueVariant& variant : invalid(extra, json::child_pointer(pointer, "k"))) {
      out.push_back({std::move(variant.covered), {"k", std::move(variant.value)}});
    }
    if (node.property_names) {
      const schema::Node& names = resolved(*node.property_names);
      if (names.max_length <= kMaxSpelledOut * 10) {
        const std::string key = code_points(names.max_length + 1, true);
        out.push_back(
            {{json::child_pointer(pointer, key),
              "maxLength",  // the failing keyword of the propertyNames schema
              "propertyNames " + std::to_string(names.max_length + 1)},
             {key, document_of([&](rapidjson::Value& v, Allocator& a) { minimal(extra, v, a); })}});
      }
    }
  }
  return out;
}

}  // namespace conform::generate
