// variants: what the generator knows to send for one compiled subschema: a valid value
// with as little in it as possible, the valid values that exercise each keyword (every enum
// value, each boundary, each format's edge forms, null), and values with exactly one
// violation each (one per keyword, a wrong type, an undocumented or near-miss member).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "codec/rapidjson.hpp"
#include "schema/node.hpp"

namespace conform::generate {

// What a variant exercises: the instance location, the keyword, and which of its cases
// ("Full" for an enum value, "40" for a length, "offset" for a date-time form).
struct Covered {
  std::string pointer;
  std::string keyword;
  std::string detail;
};

// A change to one member of an object: its new value, or its removal.
struct Edit {
  std::string member;
  std::shared_ptr<const rapidjson::Document> value;  // null: remove the member
};

// A whole value of a subschema, with what it exercises.
struct ValueVariant {
  Covered covered;
  std::shared_ptr<const rapidjson::Document> value;
};

// An object-level change, with what it exercises.
struct EditVariant {
  Covered covered;
  Edit edit;
};

class VariantMaker {
 public:
  // A valid value of `node`: the required members only, the shortest strings, the first
  // enum value. False when the generator cannot make one (a false schema, a pattern it
  // cannot read).
  bool minimal(const schema::Node& node, rapidjson::Value& out,
               rapidjson::Document::AllocatorType& allocator) const;

  // Valid values of `node` at `pointer`, each exercising one keyword case.
  std::vector<ValueVariant> valid(const schema::Node& node, const std::string& pointer) const;
  // Values of `node` at `pointer` that break exactly one keyword each.
  std::vector<ValueVariant> invalid(const schema::Node& node, const std::string& pointer) const;

  // For an object schema: the valid and the single-violation changes of its members (each
  // member's variants, removing a required member, an undocumented member, a near-miss
  // name), relative to its minimal value.
  std::vector<EditVariant> valid_edits(const schema::Node& node, const std::string& pointer) const;
  std::vector<EditVariant> invalid_edits(const schema::Node& node,
                                         const std::string& pointer) const;
};

// `node`, its "$ref"s followed.
const schema::Node& resolved(const schema::Node& node);

// `edit` applied to the object `target`.
void apply(const Edit& edit, rapidjson::Value& target,
           rapidjson::Document::AllocatorType& allocator);

}  // namespace conform::generate
