// The evaluator: walks an instance against compiled Nodes. On valid input it allocates
// nothing; findings (pointers, messages, renderings of values) are built only on failure.
#pragma once

#include "codec/rapidjson.hpp"
#include "model/finding.hpp"
#include "schema/node.hpp"

namespace conform::schema {

// Where the evaluator stands in the instance: a chain of frames on the C++ stack, turned
// into a JSON Pointer only when a finding needs one.
struct InstancePath {
  const InstancePath* parent = nullptr;
  const rapidjson::Value* name = nullptr;  // member name; nullptr for an array item
  rapidjson::SizeType index = 0;
};

std::string to_pointer(const InstancePath* path);

class Evaluator {
 public:
  // `findings` may be nullptr: then only the verdict is computed, stopping at the first error.
  Evaluator(Findings* findings, bool strict, bool first_error_only)
      : out_(findings), strict_(strict), first_error_only_(first_error_only) {}

  bool validate(const Node& node, const rapidjson::Value& instance, const InstancePath* path);

 private:
  bool keep_going() const { return out_ != nullptr && !first_error_only_; }
  template <typename Fill>
  bool report(const Node& node, const char* keyword, const InstancePath* path, Fill fill);

  bool validate_checks(const Node& node, const rapidjson::Value& instance,
                       const InstancePath* path);
  bool validate_number(const Node& node, const rapidjson::Value& instance,
                       const InstancePath* path);
  bool validate_string(const Node& node, const rapidjson::Value& instance,
                       const InstancePath* path);
  // contentEncoding and contentMediaType, asserted; reports its own finding.
  bool check_content(const Node& node, const rapidjson::Value& instance, const InstancePath* path,
                     std::string_view text);
  bool validate_array(const Node& node, const rapidjson::Value& instance, const InstancePath* path);
  bool validate_object(const Node& node, const rapidjson::Value& instance,
                       const InstancePath* path);
  // Validates one member; returns false when evaluation must stop.
  bool validate_member(const Node& node, const PropertyEntry* entry, const rapidjson::Value& name,
                       const rapidjson::Value& value, const InstancePath* path, bool& valid);
  bool validate_applicators(const Node& node, const rapidjson::Value& instance,
                            const InstancePath* path);
  bool passes(const Node& node, const rapidjson::Value& instance, const InstancePath* path) const;
  void explain_branches(const std::vector<const Node*>& branches, const rapidjson::Value& instance,
                        const InstancePath* path);

  // Descends into a member or item; false (with a finding) past kMaxDepth levels, so a
  // deeply nested value cannot exhaust the stack through a recursive schema.
  bool enter(const Node& node, const InstancePath* path);

  Findings* out_;
  bool strict_;
  bool first_error_only_;
  int depth_ = 0;
};

constexpr int kMaxDepth = 2000;

}  // namespace conform::schema
