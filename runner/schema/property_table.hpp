// PropertyTable: an object schema's property names ("properties" and "required") in an
// open-addressing hash table, so each instance member is found in O(1) without allocating.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace conform::schema {

struct Node;

struct PropertyEntry {
  std::string name;
  std::uint64_t hash = 0;
  const Node* schema = nullptr;    // the "properties" subschema; nullptr when only required
  bool declared = false;           // named in "properties"
  std::int32_t required_bit = -1;  // index into "required"; -1 when optional
};

class PropertyTable {
 public:
  void build(std::vector<PropertyEntry> entries);
  const PropertyEntry* find(const char* name, std::size_t length) const;
  const std::vector<PropertyEntry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

  static std::uint64_t hash(const char* name, std::size_t length);

 private:
  std::vector<PropertyEntry> entries_;
  std::vector<std::int32_t> slots_;  // index into entries_, -1 when free
  std::size_t mask_ = 0;
};

}  // namespace conform::schema
