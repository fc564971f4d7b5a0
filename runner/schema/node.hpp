// Node: one subschema compiled for evaluation. Keywords are decoded once into typed fields,
// every "$ref" is linked to its target Node, and property names sit in a hash table, so
// the evaluator reads no schema JSON and allocates nothing on valid input.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "codec/rapidjson.hpp"
#include "schema/formats.hpp"
#include "schema/property_table.hpp"

namespace conform::schema {

struct PatternProperty {
  std::string source;
  std::unique_ptr<RE2> regex;
  const Node* schema = nullptr;
};

struct Dependency {
  std::string property;
  const Node* schema = nullptr;         // schema form
  std::vector<std::string> properties;  // array form
};

struct Node {
  enum class Kind : std::uint8_t { always, never, ref, checks };
  Kind kind = Kind::checks;
  // Where the node sits, for findings: a JSON Pointer in the validated schema's own
  // document ("/properties/a"), or "URI#pointer" in another document.
  std::string path;
  const Node* ref = nullptr;

  std::uint8_t types = 0;  // TypeBits; 0 when "type" is absent
  bool type_only = false;  // "type" is the only check: the evaluator's fast path
  const rapidjson::Value* const_value = nullptr;
  const rapidjson::Value* enum_values = nullptr;  // the "enum" array
  // "x-enumNames": a name for each enum value, as .NET tools write integer enums; names
  // what a finding tells the sender to send. nullptr when absent.
  const rapidjson::Value* enum_names = nullptr;
  // "title": the schema's own short words for a value ("a GUID: 32 hex digits, ..."),
  // which a pattern finding shows before the regular expression.
  std::string title;

  std::vector<const Node*> all_of, any_of, one_of;
  const Node* not_schema = nullptr;
  const Node* if_schema = nullptr;
  const Node* then_schema = nullptr;
  const Node* else_schema = nullptr;
  bool has_applicators = false;

  // Numbers.
  bool has_number_checks = false;
  bool has_minimum = false, has_maximum = false;
  bool has_exclusive_minimum = false, has_exclusive_maximum = false;
  double minimum = 0, maximum = 0, exclusive_minimum = 0, exclusive_maximum = 0;
  double multiple_of = 0;  // 0 when absent

  // Strings.
  bool has_string_checks = false;
  std::size_t min_length = 0;
  std::size_t max_length = std::numeric_limits<std::size_t>::max();
  std::unique_ptr<RE2> pattern;
  std::string pattern_source;
  FormatKind format = FormatKind::none;
  // contentEncoding "base64" and contentMediaType "application/json", asserted: the string
  // must decode, and what it holds must be JSON.
  bool content_base64 = false;
  bool content_json = false;

  // Arrays.
  bool has_array_checks = false;
  const Node* items = nullptr;  // the single-schema form
  bool tuple_items = false;     // the array form
  std::vector<const Node*> item_list;
  const Node* additional_items = nullptr;
  const Node* contains = nullptr;
  std::size_t min_items = 0;
  std::size_t max_items = std::numeric_limits<std::size_t>::max();
  bool unique_items = false;

  // Objects.
  bool has_object_checks = false;
  bool has_properties = false;  // "properties" present (strict mode applies)
  PropertyTable properties;
  std::vector<std::string> required;  // in schema order, for messages
  std::vector<PatternProperty> pattern_properties;
  bool has_additional_properties = false;
  const Node* additional_properties = nullptr;
  std::vector<std::string_view> documented_names;  // for "did you mean"
  std::vector<Dependency> dependencies;
  const Node* property_names = nullptr;
  std::size_t min_properties = 0;
  std::size_t max_properties = std::numeric_limits<std::size_t>::max();
};

}  // namespace conform::schema
