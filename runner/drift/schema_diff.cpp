#include "drift/schema_diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "drift/shape.hpp"
#include "json/pointer.hpp"

namespace conform::drift {
namespace {

constexpr int kMaxDiffDepth = 64;

std::string compact(const rapidjson::Value& value) { return example_text(value, 1 << 20); }

std::string join_names(const std::set<std::string>& values) {
  std::string out;
  for (const auto& value : values) out += (out.empty() ? "" : ", ") + value;
  return out;
}

std::set<std::string> minus(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

const rapidjson::Value* member(const rapidjson::Value& node, const char* name) {
  const auto found = node.FindMember(name);
  return found == node.MemberEnd() ? nullptr : &found->value;
}

// The types a schema allows; empty: any. "integer" is part of "number".
std::set<std::string> types_of(const rapidjson::Value& node) {
  std::set<std::string> out;
  const rapidjson::Value* type = member(node, "type");
  if (!type) return out;
  if (type->IsString()) out.insert(type->GetString());
  if (type->IsArray()) {
    for (const auto& t : type->GetArray()) {
      if (t.IsString()) out.insert(t.GetString());
    }
  }
  if (out.count("number")) out.erase("integer");
  return out;
}

// enum (or const) values as compact JSON; nullopt: not restricted.
std::optional<std::set<std::string>> enum_of(const rapidjson::Value& node) {
  if (const rapidjson::Value* values = member(node, "enum"); values && values->IsArray()) {
    std::set<std::string> out;
    for (const auto& value : values->GetArray()) out.insert(compact(value));
    return out;
  }
  if (const rapidjson::Value* value = member(node, "const")) {
    return std::set<std::string>{compact(*value)};
  }
  return std::nullopt;
}

std::set<std::string> names(const rapidjson::Value* array) {
  std::set<std::string> out;
  if (!array || !array->IsArray()) return out;
  for (const auto& name : array->GetArray()) {
    if (name.IsString()) out.insert(name.GetString());
  }
  return out;
}

bool forbids_additional(const rapidjson::Value& node) {
  const rapidjson::Value* additional = member(node, "additionalProperties");
  return additional && additional->IsBool() && !additional->GetBool();
}

// An upper bound (maxLength...) or a lower one (minLength...), and the rule stems.
struct Bound {
  const char* keyword;
  bool upper;
  const char* stem;  // "max-length": "-decreased" / "-increased" is appended
};

constexpr Bound kBounds[] = {
    {"maxLength", true, "max-length"},
    {"minLength", false, "min-length"},
    {"maximum", true, "maximum"},
    {"minimum", false, "minimum"},
    {"exclusiveMaximum", true, "exclusive-maximum"},
    {"exclusiveMinimum", false, "exclusive-minimum"},
    {"maxItems", true, "max-items"},
    {"minItems", false, "min-items"},
    {"maxProperties", true, "max-properties"},
    {"minProperties", false, "min-properties"},
};

class Differ {
 public:
  Differ(SchemaFiles& files, Direction direction, const DriftItem& context)
      : files_(files), direction_(direction), context_(context) {}

  void compare(SchemaNode before, SchemaNode after, const std::string& path, int depth,
               bool in_alternative) {
    if (depth > kMaxDiffDepth) return;
    before = files_.resolve(before);
    after = files_.resolve(after);
    if (!before || !after || !before.node->IsObject() || !after.node->IsObject()) return;
    if (!seen_.insert({before.node, after.node, path}).second) return;
    const bool saved = in_alternative_;
    in_alternative_ = in_alternative;
    const rapidjson::Value& old_node = *before.node;
    const rapidjson::Value& new_node = *after.node;
    compare_types(old_node, new_node, path);
    compare_enums(old_node, new_node, path);
    compare_bounds(old_node, new_node, path);
    compare_text_keyword(old_node, new_node, path, "pattern", "pattern");
    compare_text_keyword(old_node, new_node, path, "format", "format");
    compare_text_keyword(old_node, new_node, path, "multipleOf", "multiple-of");
    compare_objects(before, after, path, depth);
    compare_items(before, after, path, depth);
    for (const char* keyword : {"allOf", "anyOf", "oneOf"}) {
      in_alternative_ = in_alternative;
      compare_composition(before, after, path, depth, keyword);
    }
    in_alternative_ = in_alternative;
    compare_not(old_node, new_node, path);
    compare_other_keywords(old_node, new_node, path);
    in_alternative_ = saved;
  }

  DriftItems take() { return std::move(items_); }

 private:
  bool request() const { return direction_ == Direction::request; }

  void add(Level level, const std::string& rule, const std::string& pointer,
           const std::string& message, std::optional<std::string> expected = std::nullopt,
           std::optional<std::string> actual = std::nullopt) {
    DriftItem item = context_;
    // Conservative under oneOf/anyOf: a change inside a branch may move values from one
    // branch to another, so it is never only informational.
    if (in_alternative_ && level == Level::info) level = Level::warning;
    item.level = level;
    item.finding.severity = level == Level::breaking ? Severity::error : Severity::warning;
    item.finding.keyword = rule;
    item.finding.pointer = pointer;
    item.finding.message = message;
    item.finding.expected = std::move(expected);
    item.finding.actual = std::move(actual);
    items_.push_back(std::move(item));
  }

  // Tightened: the vendor accepts less (breaks requests) or promises more (harmless for
  // responses); loosened: the other way round.
  Level tightened() const { return request() ? Level::breaking : Level::info; }
  Level loosened() const { return request() ? Level::info : Level::warning; }

  void compare_types(const rapidjson::Value& old_node, const rapidjson::Value& new_node,
                     const std::string& path) {
    const auto before = types_of(old_node);
    const auto after = types_of(new_node);
    if (before == after) return;
    const std::string where = path.empty() ? "the body" : path;
    const std::string was = before.empty() ? "any" : join_names(before);
    const std::string now = after.empty() ? "any" : join_names(after);
    // Empty means any type: treat it as every type for the comparison.
    static const std::set<std::string> kAll{"array",  "boolean", "null",
                                            "number", "object",  "string"};
    auto old_set = before.empty() ? kAll : before;
    auto new_set = after.empty() ? kAll : after;
    if (old_set.count("integer") && new_set.count("number")) old_set.erase("integer");
    const auto added = minus(new_set, old_set);
    auto removed = minus(old_set, new_set);
    // number -> integer narrows; integer -> number widens.
    if (removed == std::set<std::string>{"number"} && new_set.count("integer")) {
      add(tightened(), request() ? "type-changed" : "type-narrowed", path + "/type",
          where + " narrowed from " + was + " to " + now, was, now);
      return;
    }
    if (added == std::set<std::string>{"null"} && removed.empty()) {
      add(request() ? Level::info : Level::breaking, "became-nullable", path + "/type",
          where + " may now be null (" + was + " -> " + now + ")", was, now);
      return;
    }
    if (removed == std::set<std::string>{"null"} && added.empty()) {
      add(request() ? Level::breaking : Level::info, "became-non-nullable", path + "/type",
          where + " may no longer be null (" + was + " -> " + now + ")", was, now);
      return;
    }
    if (removed.empty()) {
      add(loosened() == Level::info ? Level::info : Level::breaking,
          request() ? "type-widened" : "type-changed", path + "/type",
          where + " type " + was + " -> " + now, was, now);
      return;
    }
    if (added.empty()) {
      add(tightened(), request() ? "type-changed" : "type-narrowed", path + "/type",
          where + " type " + was + " -> " + now, was, now);
      return;
    }
    add(Level::breaking, "type-changed", path + "/type", where + " type " + was + " -> " + now, was,
        now);
  }

  void compare_enums(const rapidjson::Value& old_node, const rapidjson::Value& new_node,
                     const std::string& path) {
    const auto before = enum_of(old_node);
    const auto after = enum_of(new_node);
    if (before == after) return;
    const std::string where = path.empty() ? "the body" : path;
    if (!before) {
      add(tightened(), "enum-narrowed", path + "/enum",
          where + " is now limited to " + join_names(*after), std::nullopt, join_names(*after));
      return;
    }
    if (!after) {
      add(loosened(), "enum-widened", path + "/enum",
          where + " is no longer limited to " + join_names(*before), join_names(*before),
          std::nullopt);
      return;
    }
    const auto removed = minus(*before, *after);
    const auto added = minus(*after, *before);
    if (!removed.empty()) {
      add(tightened(), "enum-narrowed", path + "/enum",
          where + " no longer allows " + join_names(removed), join_names(*before),
          join_names(*after));
    }
    if (!added.empty()) {
      add(loosened(), "enum-widened", path + "/enum", where + " now allows " + join_names(added),
          join_names(*before), join_names(*after));
    }
  }

  void compare_bounds(const rapidjson::Value& old_node, const rapidjson::Value& new_node,
                      const std::string& path) {
    for (const Bound& bound : kBounds) {
      const rapidjson::Value* before = member(old_node, bound.keyword);
      const rapidjson::Value* after = member(new_node, bound.keyword);
      if (before && !before->IsNumber()) before = nullptr;
      if (after && !after->IsNumber()) after = nullptr;
      if (!before && !after) continue;
      if (before && after && before->GetDouble() == after->GetDouble()) continue;
      // A bound that appears tightens; one that goes away loosens.
      bool tighter;
      if (!before) {
        tighter = true;
      } else if (!after) {
        tighter = false;
      } else {
        tighter = bound.upper ? after->GetDouble() < before->GetDouble()
                              : after->GetDouble() > before->GetDouble();
      }
      const bool decreased = bound.upper ? tighter : !tighter;
      const std::string rule = std::string(bound.stem) + (decreased ? "-decreased" : "-increased");
      const std::string was = before ? compact(*before) : "none";
      const std::string now = after ? compact(*after) : "none";
      add(tighter ? tightened() : loosened(), rule, path + "/" + bound.keyword,
          std::string(bound.keyword) + " of " + (path.empty() ? "the body" : path) + " " + was +
              " -> " + now,
          was, now);
    }
  }

  void compare_text_keyword(const rapidjson::Value& old_node, const rapidjson::Value& new_node,
                            const std::string& path, const char* keyword, const char* stem) {
    const rapidjson::Value* before = member(old_node, keyword);
    const rapidjson::Value* after = member(new_node, keyword);
    const std::string was = before ? compact(*before) : "";
    const std::string now = after ? compact(*after) : "";
    if (was == now) return;
    const std::string where = path.empty() ? "the body" : path;
    if (!after) {
      add(loosened(), std::string(stem) + "-removed", path + "/" + keyword,
          where + " no longer has " + keyword + " " + was, was, std::nullopt);
      return;
    }
    add(request() ? Level::breaking : Level::warning, std::string(stem) + "-changed",
        path + "/" + keyword,
        where + " " + keyword + " " + (was.empty() ? "none" : was) + " -> " + now,
        was.empty() ? std::nullopt : std::optional<std::string>(was), now);
  }

  void compare_objects(SchemaNode before, SchemaNode after, const std::string& path, int depth) {
    const rapidjson::Value& old_node = *before.node;
    const rapidjson::Value& new_node = *after.node;
    const rapidjson::Value* old_properties = member(old_node, "properties");
    const rapidjson::Value* new_properties = member(new_node, "properties");
    const auto old_required = names(member(old_node, "required"));
    const auto new_required = names(member(new_node, "required"));
    const std::string prefix = request() ? "request-property-" : "response-property-";
    std::set<std::string> old_names, new_names;
    if (old_properties && old_properties->IsObject()) {
      for (const auto& p : old_properties->GetObject()) old_names.insert(p.name.GetString());
    }
    if (new_properties && new_properties->IsObject()) {
      for (const auto& p : new_properties->GetObject()) new_names.insert(p.name.GetString());
    }
    for (const std::string& name : minus(old_names, new_names)) {
      const std::string pointer = path + "/properties/" + name;
      if (request()) {
        add(forbids_additional(new_node) ? Level::breaking : Level::warning, prefix + "removed",
            pointer, "request property " + name + " was removed");
      } else {
        add(Level::breaking, prefix + "removed", pointer,
            "response property " + name + " was removed (or renamed)");
      }
    }
    for (const std::string& name : minus(new_names, old_names)) {
      if (request() && new_required.count(name)) continue;  // reported as required-added
      add(Level::info, prefix + "added", path + "/properties/" + name,
          std::string(request() ? "request" : "response") + " property " + name + " was added");
    }
    for (const std::string& name : minus(new_required, old_required)) {
      add(request() ? Level::breaking : Level::info, prefix + "required-added", path + "/required",
          "property " + name + " became required", std::nullopt, name);
    }
    for (const std::string& name : minus(old_required, new_required)) {
      add(request() ? Level::info : Level::breaking, prefix + "required-removed",
          path + "/required", "property " + name + " is no longer required", name);
    }
    for (const std::string& name : new_names) {
      if (!old_names.count(name)) continue;
      const std::string token = json::child_pointer("", name).substr(1);
      const auto* old_child = &old_properties->FindMember(name.c_str())->value;
      const auto* new_child = &new_properties->FindMember(name.c_str())->value;
      compare({old_child, before.file}, {new_child, after.file}, path + "/properties/" + token,
              depth + 1, in_alternative_);
    }
    const rapidjson::Value* old_additional = member(old_node, "additionalProperties");
    const rapidjson::Value* new_additional = member(new_node, "additionalProperties");
    const bool was_forbidden = forbids_additional(old_node);
    const bool is_forbidden = forbids_additional(new_node);
    if (!was_forbidden && is_forbidden) {
      add(tightened(), "additional-properties-forbidden", path + "/additionalProperties",
          "members not listed in properties are no longer allowed");
    } else if (was_forbidden && !is_forbidden) {
      add(loosened(), "additional-properties-allowed", path + "/additionalProperties",
          "members not listed in properties are now allowed");
    } else if (old_additional && new_additional && old_additional->IsObject() &&
               new_additional->IsObject()) {
      compare({old_additional, before.file}, {new_additional, after.file},
              path + "/additionalProperties", depth + 1, in_alternative_);
    }
  }

  void compare_items(SchemaNode before, SchemaNode after, const std::string& path, int depth) {
    const rapidjson::Value* old_items = member(*before.node, "items");
    const rapidjson::Value* new_items = member(*after.node, "items");
    if (!old_items || !new_items) return;
    if (old_items->IsObject() && new_items->IsObject()) {
      compare({old_items, before.file}, {new_items, after.file}, path + "/items", depth + 1,
              in_alternative_);
      return;
    }
    if (old_items->IsArray() && new_items->IsArray()) {
      const auto count = std::min(old_items->Size(), new_items->Size());
      for (rapidjson::SizeType i = 0; i < count; ++i) {
        compare({&(*old_items)[i], before.file}, {&(*new_items)[i], after.file},
                path + "/items/" + std::to_string(i), depth + 1, in_alternative_);
      }
    }
  }

  struct Branch {
    SchemaNode node;
    std::string text;  // resolved, as compact JSON: identical branches match
    std::size_t index;
  };

  std::vector<Branch> branches(SchemaNode at, const char* keyword) {
    std::vector<Branch> out;
    const rapidjson::Value* list = member(*at.node, keyword);
    if (!list || !list->IsArray()) return out;
    for (const auto& branch : list->GetArray()) {
      const SchemaNode resolved = files_.resolve({&branch, at.file});
      out.push_back({{&branch, at.file}, resolved ? compact(*resolved.node) : "", out.size()});
    }
    return out;
  }

  // Branches of `side` that have no identical branch on `other` (counting duplicates).
  static std::vector<Branch> unmatched(const std::vector<Branch>& side,
                                       const std::vector<Branch>& other) {
    std::multiset<std::string> texts;
    for (const Branch& b : other) texts.insert(b.text);
    std::vector<Branch> out;
    for (const Branch& b : side) {
      const auto found = texts.find(b.text);
      if (found != texts.end()) {
        texts.erase(found);
      } else {
        out.push_back(b);
      }
    }
    return out;
  }

  void compare_composition(SchemaNode before, SchemaNode after, const std::string& path, int depth,
                           const char* keyword) {
    const auto old_branches = branches(before, keyword);
    const auto new_branches = branches(after, keyword);
    if (old_branches.empty() && new_branches.empty()) return;
    const std::string kw = keyword;
    const std::string pointer = path + "/" + kw;
    const bool alternative = kw != "allOf";
    // Identical branches in another order are no change; the rest pair up in order.
    const auto old_left = unmatched(old_branches, new_branches);
    const auto new_left = unmatched(new_branches, old_branches);
    const std::size_t paired = std::min(old_left.size(), new_left.size());
    for (std::size_t i = 0; i < paired; ++i) {
      compare(old_left[i].node, new_left[i].node, pointer + "/" + std::to_string(new_left[i].index),
              depth + 1, alternative || in_alternative_);
    }
    const std::string counts =
        std::to_string(old_branches.size()) + " -> " + std::to_string(new_branches.size());
    // A branch more or fewer: oneOf may now match two branches or none, so always breaking;
    // anyOf widens (more branches) or narrows; allOf the other way round.
    if (new_left.size() > paired) {
      Level level = Level::breaking;
      if (kw == "anyOf") level = request() ? Level::info : Level::breaking;
      if (kw == "allOf") level = request() ? Level::breaking : Level::info;
      add(level, "composition-branch-added", pointer, kw + " gained a branch: " + counts,
          std::to_string(old_branches.size()), std::to_string(new_branches.size()));
    }
    if (old_left.size() > paired) {
      Level level = Level::breaking;
      if (kw == "anyOf") level = request() ? Level::breaking : Level::info;
      if (kw == "allOf") level = request() ? Level::info : Level::breaking;
      add(level, "composition-branch-removed", pointer, kw + " lost a branch: " + counts,
          std::to_string(old_branches.size()), std::to_string(new_branches.size()));
    }
  }

  // Keywords the rules above do not model (if/then/else, dependencies, propertyNames,
  // contains, patternProperties, uniqueItems, ...): any change may break, so it is reported
  // as breaking rather than missed. Annotations are ignored.
  void compare_other_keywords(const rapidjson::Value& old_node, const rapidjson::Value& new_node,
                              const std::string& path) {
    static const std::set<std::string> kModelled{"type",
                                                 "enum",
                                                 "const",
                                                 "maxLength",
                                                 "minLength",
                                                 "maximum",
                                                 "minimum",
                                                 "exclusiveMaximum",
                                                 "exclusiveMinimum",
                                                 "maxItems",
                                                 "minItems",
                                                 "maxProperties",
                                                 "minProperties",
                                                 "pattern",
                                                 "format",
                                                 "multipleOf",
                                                 "properties",
                                                 "required",
                                                 "additionalProperties",
                                                 "items",
                                                 "allOf",
                                                 "anyOf",
                                                 "oneOf",
                                                 "not",
                                                 "$ref",
                                                 "definitions",
                                                 "$schema",
                                                 "$id",
                                                 "$comment",
                                                 "title",
                                                 "description",
                                                 "examples",
                                                 "default",
                                                 "readOnly",
                                                 "writeOnly",
                                                 "contentMediaType",
                                                 "contentEncoding"};
    std::set<std::string> keywords;
    for (const auto* node : {&old_node, &new_node}) {
      for (const auto& m : node->GetObject()) {
        const std::string keyword(m.name.GetString(), m.name.GetStringLength());
        if (!kModelled.count(keyword)) keywords.insert(keyword);
      }
    }
    for (const std::string& keyword : keywords) {
      const rapidjson::Value* before = member(old_node, keyword.c_str());
      const rapidjson::Value* after = member(new_node, keyword.c_str());
      const std::string was = before ? compact(*before) : "";
      const std::string now = after ? compact(*after) : "";
      if (was == now) continue;
      add(Level::breaking, "keyword-changed", path + "/" + keyword,
          "\"" + keyword + "\" of " + (path.empty() ? std::string("the body") : path) +
              " changed: " + (was.empty() ? "none" : was) + " -> " + (now.empty() ? "none" : now),
          was.empty() ? std::nullopt : std::optional<std::string>(was),
          now.empty() ? std::nullopt : std::optional<std::string>(now));
    }
  }

  void compare_not(const rapidjson::Value& old_node, const rapidjson::Value& new_node,
                   const std::string& path) {
    const rapidjson::Value* before = member(old_node, "not");
    const rapidjson::Value* after = member(new_node, "not");
    const std::string was = before ? compact(*before) : "";
    const std::string now = after ? compact(*after) : "";
    if (was == now) return;
    add(Level::breaking, "not-changed", path + "/not",
        "the \"not\" of " + (path.empty() ? std::string("the body") : path) + " changed");
  }

  SchemaFiles& files_;
  Direction direction_;
  const DriftItem& context_;
  DriftItems items_;
  bool in_alternative_ = false;
  std::set<std::tuple<const rapidjson::Value*, const rapidjson::Value*, std::string>> seen_;
};

}  // namespace

DriftItems diff_schemas(SchemaFiles& files, SchemaNode before, SchemaNode after,
                        Direction direction, const DriftItem& context) {
  Differ differ(files, direction, context);
  differ.compare(before, after, "", 0, false);
  return differ.take();
}

}  // namespace conform::drift
