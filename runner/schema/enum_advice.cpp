#include "schema/enum_advice.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/json_value.hpp"
#include "schema/suggest.hpp"
#include "text/ascii_case.hpp"

namespace conform::schema {
namespace {

std::string_view text_of(const rapidjson::Value& value) {
  return {value.GetString(), value.GetStringLength()};
}

// "1 (Automatic)": an allowed value with its name, when the schema names it.
std::string value_with_name(const Node& node, rapidjson::SizeType i) {
  std::string text = compact_json(node.enum_values->GetArray()[i]);
  if (node.enum_names != nullptr && i < node.enum_names->Size() &&
      (*node.enum_names)[i].IsString()) {
    text += " (" + std::string(text_of((*node.enum_names)[i])) + ")";
  }
  return text;
}

std::string allowed_list(const Node& node) {
  const rapidjson::SizeType n = node.enum_values->Size();
  if (node.enum_names == nullptr) return compact_json(*node.enum_values, 200);
  std::string list;
  for (rapidjson::SizeType i = 0; i < n; ++i) list += (i ? ", " : "") + value_with_name(node, i);
  return list;
}

// The index of the enum value named (or, for strings, spelled) `text`, ignoring case when
// no exact match exists.
std::optional<rapidjson::SizeType> match(const Node& node, std::string_view text, bool by_name) {
  const rapidjson::Value* candidates = by_name ? node.enum_names : node.enum_values;
  if (candidates == nullptr) return std::nullopt;
  for (const bool exact : {true, false}) {
    for (rapidjson::SizeType i = 0; i < candidates->Size(); ++i) {
      const rapidjson::Value& c = (*candidates)[i];
      if (!c.IsString() || i >= node.enum_values->Size()) continue;
      if (exact ? text_of(c) == text : text::equals_ignoring_case(text_of(c), text)) return i;
    }
  }
  return std::nullopt;
}

}  // namespace

void describe_enum_failure(const Node& node, const rapidjson::Value& instance, Finding& f) {
  f.actual = compact_json(instance);
  const std::string shown = compact_json(instance, 40);
  if (instance.IsString()) {
    const std::string_view text = text_of(instance);
    if (const auto named = match(node, text, true)) {
      const std::string answer = value_with_name(node, *named);
      f.message = shown + " is the name of " + answer + "; send the value: " + answer;
      f.expected = answer;
      return;
    }
    if (const auto spelled = match(node, text, false)) {
      const std::string answer = compact_json(node.enum_values->GetArray()[*spelled]);
      f.message = shown + " is not one of the allowed values " + allowed_list(node) +
                  "; did you mean " + answer + "? (the case differs)";
      f.expected = answer;
      return;
    }
    std::vector<std::string_view> strings;
    for (const auto& allowed : node.enum_values->GetArray()) {
      if (allowed.IsString()) strings.push_back(text_of(allowed));
    }
    if (const auto near = suggest_name(text, strings)) {
      rapidjson::Value near_value(rapidjson::StringRef(near->data(), near->size()));
      f.message = shown + " is not one of the allowed values " + allowed_list(node) +
                  "; did you mean " + compact_json(near_value) + "?";
      f.expected = compact_json(near_value);
      return;
    }
  }
  f.message = shown + " is not one of the allowed values " + allowed_list(node);
  f.expected = node.enum_names != nullptr ? "one of " + allowed_list(node)
                                          : compact_json(*node.enum_values, 200);
}

}  // namespace conform::schema
