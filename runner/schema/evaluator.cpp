#include "schema/evaluator.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "codec/base64.hpp"
#include "codec/json_number.hpp"
#include "json/pointer.hpp"
#include "schema/enum_advice.hpp"
#include "schema/json_value.hpp"
#include "schema/suggest.hpp"

namespace conform::schema {
namespace {

std::size_t code_points(const char* text, std::size_t bytes) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < bytes; ++i) {
    count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return count;
}

std::string plural(std::size_t count, const char* noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

std::string in_quotes(std::string_view text) {
  rapidjson::Value value(
      rapidjson::StringRef(text.data(), static_cast<rapidjson::SizeType>(text.size())));
  return compact_json(value);
}

bool in_enum(const Node& node, const rapidjson::Value& instance) {
  for (const auto& allowed : node.enum_values->GetArray()) {
    if (json_equal(allowed, instance)) return true;
  }
  return false;
}

// The types a branch accepts at its top level (following "$ref"s); 0 when any.
std::uint8_t accepted_types(const Node* node) {
  for (int hops = 0; node && node->kind == Node::Kind::ref && hops < 64; ++hops) node = node->ref;
  return node && node->kind == Node::Kind::checks ? node->types : 0;
}

bool type_matches(std::uint8_t accepted, const rapidjson::Value& instance) {
  if (accepted == 0) return true;
  std::uint8_t bits = instance.IsNumber() ? (kTypeNumber | kTypeInteger) : type_bits_of(instance);
  if (instance.IsNumber() && (accepted & kTypeNumber) == 0) bits = type_bits_of(instance);
  return (bits & accepted) != 0;
}

// TypeBits by rapidjson::Type (null, false, true, object, array, string, number).
constexpr std::uint8_t kBitsByType[] = {kTypeNull,  kTypeBoolean, kTypeBoolean, kTypeObject,
                                        kTypeArray, kTypeString,  kTypeNumber};

inline bool has_type(std::uint8_t types, const rapidjson::Value& instance) {
  std::uint8_t bits = kBitsByType[instance.GetType()];
  if (bits & types) return true;
  return bits == kTypeNumber && (types & kTypeInteger) != 0 && is_integer(instance);
}

// The first repeated item as (earlier index, later index); equal indices when all differ.
// Small arrays compare pairwise without allocating; large ones sort by hash, so a
// million-item array stays fast.
std::pair<rapidjson::SizeType, rapidjson::SizeType> find_repeated_item(
    const rapidjson::Value& array) {
  rapidjson::SizeType size = array.Size();
  if (size <= 32) {
    for (rapidjson::SizeType i = 1; i < size; ++i) {
      for (rapidjson::SizeType j = 0; j < i; ++j) {
        if (json_equal(array[i], array[j])) return {j, i};
      }
    }
    return {0, 0};
  }
  std::vector<std::pair<std::uint64_t, rapidjson::SizeType>> hashes(size);
  for (rapidjson::SizeType i = 0; i < size; ++i) hashes[i] = {json_hash(array[i]), i};
  std::sort(hashes.begin(), hashes.end());
  std::pair<rapidjson::SizeType, rapidjson::SizeType> first{0, 0};
  for (std::size_t start = 0; start < hashes.size();) {
    std::size_t end = start + 1;
    while (end < hashes.size() && hashes[end].first == hashes[start].first) ++end;
    for (std::size_t a = start + 1; a < end; ++a) {
      for (std::size_t b = start; b < a; ++b) {
        rapidjson::SizeType later = hashes[a].second, earlier = hashes[b].second;
        if (!json_equal(array[later], array[earlier])) continue;
        if (first.first == first.second || later < first.second) first = {earlier, later};
      }
    }
    start = end;
  }
  return first;
}

}  // namespace

std::string to_pointer(const InstancePath* path) {
  std::vector<const InstancePath*> frames;
  for (; path != nullptr; path = path->parent) frames.push_back(path);
  std::string pointer;
  for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
    const InstancePath* frame = *it;
    if (frame->name) {
      json::append_token(pointer, {frame->name->GetString(), frame->name->GetStringLength()});
    } else {
      pointer += "/" + std::to_string(frame->index);
    }
  }
  return pointer;
}

template <typename Fill>
bool Evaluator::report(const Node& node, const char* keyword, const InstancePath* path, Fill fill) {
  if (out_ != nullptr) {
    Finding finding;
    finding.pointer = to_pointer(path);
    finding.schema_path = node.path + "/" + keyword;
    finding.keyword = keyword;
    fill(finding);
    out_->push_back(std::move(finding));
  }
  return keep_going();
}

bool Evaluator::enter(const Node& node, const InstancePath* path) {
  if (depth_ < kMaxDepth) return true;
  report(node, "depth", path, [&](Finding& f) {
    f.message = "value nests more than " + std::to_string(kMaxDepth) +
                " levels deep; conform does not look deeper";
    f.expected = "at most " + std::to_string(kMaxDepth) + " levels";
  });
  return false;
}

bool Evaluator::validate(const Node& node, const rapidjson::Value& instance,
                         const InstancePath* path) {
  if (node.kind == Node::Kind::checks) return validate_checks(node, instance, path);
  switch (node.kind) {
    case Node::Kind::always:
      return true;
    case Node::Kind::ref:
      return validate(*node.ref, instance, path);
    case Node::Kind::never:
      if (out_ != nullptr) {
        Finding finding;
        finding.pointer = to_pointer(path);
        finding.schema_path = node.path;
        finding.keyword = "false";
        finding.message = "no value is allowed here (the schema is false)";
        finding.actual = compact_json(instance);
        out_->push_back(std::move(finding));
      }
      return false;
    case Node::Kind::checks:
      break;
  }
  return validate_checks(node, instance, path);
}

bool Evaluator::validate_checks(const Node& node, const rapidjson::Value& instance,
                                const InstancePath* path) {
  bool valid = true;
  bool refused_by_enum = false;  // already said by the type finding
  if (node.types != 0) {
    bool typed = has_type(node.types, instance);
    if (typed && node.type_only) return true;
    if (!typed) {
      valid = false;
      // A value of the wrong type that the enum refuses too is one finding, which says what
      // to send ("Automatic" for an integer enum: send 1 (Automatic)).
      refused_by_enum = node.enum_values != nullptr && !in_enum(node, instance);
      if (!report(node, "type", path, [&](Finding& f) {
            if (refused_by_enum) {
              describe_enum_failure(node, instance, f);
              return;
            }
            f.message =
                "expected type " + type_names(node.types) + " but found " + type_name_of(instance);
            f.expected = type_names(node.types);
            f.actual = compact_json(instance);
          }))
        return false;
      // The type-specific keywords below would only repeat the same complaint.
      if (!node.has_applicators && node.const_value == nullptr && node.enum_values == nullptr)
        return false;
    }
  }
  if (node.const_value != nullptr && !json_equal(*node.const_value, instance)) {
    valid = false;
    if (!report(node, "const", path, [&](Finding& f) {
          f.message = "value must be " + compact_json(*node.const_value);
          f.expected = compact_json(*node.const_value);
          f.actual = compact_json(instance);
        }))
      return false;
  }
  if (!refused_by_enum && node.enum_values != nullptr && !in_enum(node, instance)) {
    valid = false;
    if (!report(node, "enum", path, [&](Finding& f) { describe_enum_failure(node, instance, f); }))
      return false;
  }
  if (valid || keep_going()) {
    bool typed = true;
    switch (instance.GetType()) {
      case rapidjson::kNumberType:
        if (node.has_number_checks) typed = validate_number(node, instance, path);
        break;
      case rapidjson::kStringType:
        if (node.has_string_checks) typed = validate_string(node, instance, path);
        break;
      case rapidjson::kArrayType:
        if (node.has_array_checks) typed = validate_array(node, instance, path);
        break;
      case rapidjson::kObjectType:
        if (node.has_object_checks || (strict_ && node.has_properties))
          typed = validate_object(node, instance, path);
        break;
      default:
        break;
    }
    if (!typed) {
      valid = false;
      if (!keep_going()) return false;
    }
  }
  if (node.has_applicators && !validate_applicators(node, instance, path)) valid = false;
  return valid;
}

bool Evaluator::validate_number(const Node& node, const rapidjson::Value& instance,
                                const InstancePath* path) {
  bool valid = true;
  double number = instance.GetDouble();
  auto check = [&](bool ok, const char* keyword, const char* relation, const char* expected_op,
                   double limit) {
    if (ok) return true;
    valid = false;
    return report(node, keyword, path, [&](Finding& f) {
      f.message = compact_json(instance) + " is " + relation + " " + number_text(limit);
      f.expected = std::string(expected_op) + " " + number_text(limit);
      f.actual = compact_json(instance);
    });
  };
  if (node.has_minimum &&
      !check(number >= node.minimum, "minimum", "less than the minimum", ">=", node.minimum))
    return false;
  if (node.has_maximum &&
      !check(number <= node.maximum, "maximum", "greater than the maximum", "<=", node.maximum))
    return false;
  if (node.has_exclusive_minimum && !check(number > node.exclusive_minimum, "exclusiveMinimum",
                                           "not greater than", ">", node.exclusive_minimum))
    return false;
  if (node.has_exclusive_maximum && !check(number < node.exclusive_maximum, "exclusiveMaximum",
                                           "not less than", "<", node.exclusive_maximum))
    return false;
  if (node.multiple_of > 0 && !check(is_multiple_of(instance, node.multiple_of), "multipleOf",
                                     "not a multiple of", "a multiple of", node.multiple_of))
    return false;
  return valid;
}

bool Evaluator::validate_string(const Node& node, const rapidjson::Value& instance,
                                const InstancePath* path) {
  bool valid = true;
  const char* text = instance.GetString();
  std::size_t bytes = instance.GetStringLength();
  if (node.min_length > 0 || bytes > node.max_length) {
    std::size_t length = code_points(text, bytes);
    if (length < node.min_length) {
      valid = false;
      if (!report(node, "minLength", path, [&](Finding& f) {
            f.message = "string is " + plural(length, "character") + " long; at least " +
                        std::to_string(node.min_length) + " required";
            f.expected = "at least " + plural(node.min_length, "character");
            f.actual = compact_json(instance);
          }))
        return false;
    }
    if (length > node.max_length) {
      valid = false;
      if (!report(node, "maxLength", path, [&](Finding& f) {
            f.message = "string is " + plural(length, "character") + " long; at most " +
                        std::to_string(node.max_length) + " allowed";
            f.expected = "at most " + plural(node.max_length, "character");
            f.actual = compact_json(instance);
          }))
        return false;
    }
  }
  if (node.pattern && !RE2::PartialMatch(re2::StringPiece(text, bytes), *node.pattern)) {
    valid = false;
    if (!report(node, "pattern", path, [&](Finding& f) {
          if (node.title.empty()) {
            f.message =
                compact_json(instance, 60) + " does not match the pattern " + node.pattern_source;
            f.expected = "a string matching " + node.pattern_source;
          } else {
            f.message = compact_json(instance, 60) + " is not " + node.title + " (pattern " +
                        node.pattern_source + ")";
            f.expected = node.title;
          }
          f.actual = compact_json(instance);
        }))
      return false;
  }
  if ((node.content_base64 || node.content_json) &&
      !check_content(node, instance, path, std::string_view(text, bytes))) {
    valid = false;
    if (!keep_going()) return false;
  }
  if (node.format != FormatKind::none &&
      !check_format(node.format, std::string_view(text, bytes))) {
    valid = false;
    if (!report(node, "format", path, [&](Finding& f) {
          f.message =
              compact_json(instance, 60) + " is not a valid " + format_description(node.format);
          f.expected = format_description(node.format);
          f.actual = compact_json(instance);
        }))
      return false;
  }
  return valid;
}

bool Evaluator::check_content(const Node& node, const rapidjson::Value& instance,
                              const InstancePath* path, std::string_view text) {
  std::string decoded;
  if (node.content_base64 && !codec::base64_decode(text, decoded)) {
    report(node, "contentEncoding", path, [&](Finding& f) {
      f.message = compact_json(instance, 60) + " is not base64 (contentEncoding)";
      f.expected = "base64 (RFC 4648)";
      f.actual = compact_json(instance);
    });
    return false;
  }
  if (!node.content_json) return true;
  rapidjson::Document content;
  if (!codec::parse_json_text(content, node.content_base64 ? decoded : text).IsError()) return true;
  report(node, "contentMediaType", path, [&](Finding& f) {
    f.message = compact_json(instance, 60) +
                std::string(node.content_base64 ? " decodes to" : " is") +
                " text that is not JSON (contentMediaType application/json)";
    f.expected = "JSON text";
    f.actual = compact_json(instance);
  });
  return false;
}

bool Evaluator::validate_array(const Node& node, const rapidjson::Value& instance,
                               const InstancePath* path) {
  bool valid = true;
  rapidjson::SizeType size = instance.Size();
  if (size < node.min_items) {
    valid = false;
    if (!report(node, "minItems", path, [&](Finding& f) {
          f.message = "array has " + plural(size, "item") + "; at least " +
                      std::to_string(node.min_items) + " required";
          f.expected = "at least " + plural(node.min_items, "item");
          f.actual = compact_json(instance);
        }))
      return false;
  }
  if (size > node.max_items) {
    valid = false;
    if (!report(node, "maxItems", path, [&](Finding& f) {
          f.message = "array has " + plural(size, "item") + "; at most " +
                      std::to_string(node.max_items) + " allowed";
          f.expected = "at most " + plural(node.max_items, "item");
          f.actual = compact_json(instance);
        }))
      return false;
  }
  if (size > 0 && !enter(node, path)) return false;
  ++depth_;
  struct Leave {
    int& depth;
    ~Leave() { --depth; }
  } leave{depth_};
  for (rapidjson::SizeType i = 0; i < size; ++i) {
    const Node* schema = node.items;
    const char* keyword = "items";
    if (node.tuple_items) {
      schema = i < node.item_list.size() ? node.item_list[i] : node.additional_items;
      if (i >= node.item_list.size()) keyword = "additionalItems";
    }
    if (schema == nullptr || schema->kind == Node::Kind::always) continue;
    InstancePath item{path, nullptr, i};
    if (schema->kind == Node::Kind::never && node.tuple_items && i >= node.item_list.size()) {
      valid = false;
      if (!report(node, keyword, &item, [&](Finding& f) {
            f.message = "array has " + plural(size, "item") + "; the schema allows at most " +
                        std::to_string(node.item_list.size());
            f.expected = "at most " + plural(node.item_list.size(), "item");
            f.actual = compact_json(instance[i]);
          }))
        return false;
      break;
    }
    if (!validate(*schema, instance[i], &item)) {
      valid = false;
      if (!keep_going()) return false;
    }
  }
  if (node.contains != nullptr) {
    bool found = false;
    for (rapidjson::SizeType i = 0; i < size && !found; ++i) {
      InstancePath item{path, nullptr, i};
      found = passes(*node.contains, instance[i], &item);
    }
    if (!found) {
      valid = false;
      if (!report(node, "contains", path, [&](Finding& f) {
            f.message = "no item of the array matches the \"contains\" schema";
            f.actual = compact_json(instance);
          }))
        return false;
    }
  }
  if (node.unique_items) {
    auto repeat = find_repeated_item(instance);
    if (repeat.first != repeat.second) {
      valid = false;
      rapidjson::SizeType i = repeat.second, j = repeat.first;
      InstancePath item{path, nullptr, i};
      if (!report(node, "uniqueItems", &item, [&](Finding& f) {
            f.message = "item " + std::to_string(i) + " repeats item " + std::to_string(j) +
                        "; items must be unique";
            f.expected = "unique items";
            f.actual = compact_json(instance[i]);
          }))
        return false;
    }
  }
  return valid;
}

bool Evaluator::validate_member(const Node& node, const PropertyEntry* entry,
                                const rapidjson::Value& name, const rapidjson::Value& value,
                                const InstancePath* path, bool& valid) {
  const char* text = name.GetString();
  std::size_t length = name.GetStringLength();
  InstancePath member{path, &name, 0};
  bool matched = false;
  if (entry != nullptr && entry->declared) {
    matched = true;
    if (entry->schema->kind != Node::Kind::always && !validate(*entry->schema, value, &member)) {
      valid = false;
      if (!keep_going()) return false;
    }
  }
  for (const auto& property : node.pattern_properties) {
    if (!RE2::PartialMatch(re2::StringPiece(text, length), *property.regex)) continue;
    matched = true;
    if (!validate(*property.schema, value, &member)) {
      valid = false;
      if (!keep_going()) return false;
    }
  }
  if (!matched) {
    const Node* additional = node.additional_properties;
    bool undocumented =
        additional ? additional->kind == Node::Kind::never : strict_ && node.has_properties;
    if (undocumented) {
      valid = false;
      if (!report(node, "additionalProperties", &member, [&](Finding& f) {
            std::string_view property(text, length);
            f.message = "undocumented property " + in_quotes(property);
            if (auto suggestion = suggest_name(property, node.documented_names)) {
              f.message += "; did you mean " + in_quotes(*suggestion) + "?";
              f.expected = *suggestion;
            }
            f.actual = compact_json(value);
          }))
        return false;
    } else if (additional != nullptr && !validate(*additional, value, &member)) {
      valid = false;
      if (!keep_going()) return false;
    }
  }
  if (node.property_names != nullptr && !validate(*node.property_names, name, &member)) {
    valid = false;
    if (!keep_going()) return false;
  }
  return true;
}

bool Evaluator::validate_object(const Node& node, const rapidjson::Value& instance,
                                const InstancePath* path) {
  bool valid = true;
  std::size_t count = instance.MemberCount();
  if (count < node.min_properties) {
    valid = false;
    if (!report(node, "minProperties", path, [&](Finding& f) {
          f.message = "object has " + plural(count, "property") + "; at least " +
                      std::to_string(node.min_properties) + " required";
          f.expected = "at least " + std::to_string(node.min_properties);
          f.actual = std::to_string(count);
        }))
      return false;
  }
  if (count > node.max_properties) {
    valid = false;
    if (!report(node, "maxProperties", path, [&](Finding& f) {
          f.message = "object has " + std::to_string(count) + " properties; at most " +
                      std::to_string(node.max_properties) + " allowed";
          f.expected = "at most " + std::to_string(node.max_properties);
          f.actual = std::to_string(count);
        }))
      return false;
  }
  // Required names are ticked off in the one pass over the members.
  if (count > 0 && !enter(node, path)) return false;
  ++depth_;
  struct Leave {
    int& depth;
    ~Leave() { --depth; }
  } leave{depth_};
  constexpr std::size_t kBitsetWords = 8;
  std::array<std::uint64_t, kBitsetWords> seen{};
  bool use_bitset = node.required.size() <= kBitsetWords * 64;
  for (auto& member : instance.GetObject()) {
    const PropertyEntry* entry =
        node.properties.find(member.name.GetString(), member.name.GetStringLength());
    if (entry != nullptr && entry->required_bit >= 0 && use_bitset) {
      auto bit = static_cast<std::size_t>(entry->required_bit);
      seen[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    if (!validate_member(node, entry, member.name, member.value, path, valid)) return false;
  }
  // Several missing members are one finding that names them all (in schema order).
  std::vector<const std::string*> missing;
  for (std::size_t bit = 0; bit < node.required.size(); ++bit) {
    bool present = use_bitset ? (seen[bit / 64] >> (bit % 64)) & 1
                              : instance.HasMember(node.required[bit].c_str());
    if (!present) missing.push_back(&node.required[bit]);
  }
  if (!missing.empty()) {
    valid = false;
    if (!report(node, "required", path, [&](Finding& f) {
          if (missing.size() == 1) {
            f.message = "missing required property " + in_quotes(*missing[0]);
            f.expected = *missing[0];
            return;
          }
          std::string names;
          std::string listed;
          for (std::size_t i = 0; i < missing.size(); ++i) {
            names += (i == 0                    ? ""
                      : i + 1 == missing.size() ? " and "
                                                : ", ") +
                     in_quotes(*missing[i]);
            listed += (i == 0 ? "" : ", ") + *missing[i];
          }
          f.message =
              "missing " + std::to_string(missing.size()) + " required properties: " + names;
          f.expected = listed;  // the names, ", " between them
        }))
      return false;
  }
  for (const auto& dependency : node.dependencies) {
    if (!instance.HasMember(dependency.property.c_str())) continue;
    if (dependency.schema != nullptr) {
      if (!validate(*dependency.schema, instance, path)) {
        valid = false;
        if (!keep_going()) return false;
      }
      continue;
    }
    for (const auto& needed : dependency.properties) {
      if (instance.HasMember(needed.c_str())) continue;
      valid = false;
      if (!report(node, "dependencies", path, [&](Finding& f) {
            f.message = "property " + in_quotes(dependency.property) + " requires property " +
                        in_quotes(needed);
            f.expected = needed;
          }))
        return false;
    }
  }
  return valid;
}

bool Evaluator::passes(const Node& node, const rapidjson::Value& instance,
                       const InstancePath* path) const {
  Evaluator verdict(nullptr, strict_, true);
  verdict.depth_ = depth_;
  return verdict.validate(node, instance, path);
}

void Evaluator::explain_branches(const std::vector<const Node*>& branches,
                                 const rapidjson::Value& instance, const InstancePath* path) {
  if (first_error_only_) return;
  // A branch fits best when it is the only one whose type matches, or else the only one
  // with the fewest findings.
  std::vector<const Node*> candidates;
  for (const Node* branch : branches) {
    if (type_matches(accepted_types(branch), instance)) candidates.push_back(branch);
  }
  if (candidates.empty()) return;
  Findings best;
  bool unique = true;
  for (const Node* candidate : candidates) {
    Findings findings;
    Evaluator collect(&findings, strict_, false);
    collect.depth_ = depth_;
    collect.validate(*candidate, instance, path);
    if (best.empty() || findings.size() < best.size()) {
      best = std::move(findings);
      unique = true;
    } else if (findings.size() == best.size()) {
      unique = false;
    }
  }
  if (candidates.size() == 1 || unique) {
    for (auto& finding : best) out_->push_back(std::move(finding));
  }
}

bool Evaluator::validate_applicators(const Node& node, const rapidjson::Value& instance,
                                     const InstancePath* path) {
  bool valid = true;
  for (const Node* branch : node.all_of) {
    if (!validate(*branch, instance, path)) {
      valid = false;
      if (!keep_going()) return false;
    }
  }
  if (!node.any_of.empty()) {
    bool any = false;
    for (const Node* branch : node.any_of) {
      if (passes(*branch, instance, path)) {
        any = true;
        break;
      }
    }
    if (!any) {
      valid = false;
      bool go_on = report(node, "anyOf", path, [&](Finding& f) {
        f.message = "value matches none of the " + std::to_string(node.any_of.size()) +
                    " alternatives (anyOf)";
        f.actual = compact_json(instance);
      });
      if (out_ != nullptr) explain_branches(node.any_of, instance, path);
      if (!go_on) return false;
    }
  }
  if (!node.one_of.empty()) {
    std::size_t first = node.one_of.size(), second = node.one_of.size();
    for (std::size_t i = 0; i < node.one_of.size() && second == node.one_of.size(); ++i) {
      if (!passes(*node.one_of[i], instance, path)) continue;
      (first == node.one_of.size() ? first : second) = i;
    }
    if (first == node.one_of.size()) {
      valid = false;
      bool go_on = report(node, "oneOf", path, [&](Finding& f) {
        f.message = "value matches none of the " + std::to_string(node.one_of.size()) +
                    " alternatives (oneOf)";
        f.expected = "exactly one alternative";
        f.actual = compact_json(instance);
      });
      if (out_ != nullptr) explain_branches(node.one_of, instance, path);
      if (!go_on) return false;
    } else if (second != node.one_of.size()) {
      valid = false;
      if (!report(node, "oneOf", path, [&](Finding& f) {
            f.message = "value matches alternatives " + std::to_string(first) + " and " +
                        std::to_string(second) + " of oneOf; exactly one must match";
            f.expected = "exactly one alternative";
            f.actual = compact_json(instance);
          }))
        return false;
    }
  }
  if (node.not_schema != nullptr && passes(*node.not_schema, instance, path)) {
    valid = false;
    if (!report(node, "not", path, [&](Finding& f) {
          f.message = "value must not match the schema under \"not\"";
          f.actual = compact_json(instance);
        }))
      return false;
  }
  if (node.if_schema != nullptr) {
    const Node* next =
        passes(*node.if_schema, instance, path) ? node.then_schema : node.else_schema;
    if (next != nullptr && !validate(*next, instance, path)) {
      valid = false;
      if (!keep_going()) return false;
    }
  }
  return valid;
}

}  // namespace conform::schema
