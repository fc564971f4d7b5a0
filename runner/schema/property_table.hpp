// PropertyTable: an object schema's property names ("properties" and "required") in an
// open-addressing hash table, so each instance member is found in O(1) without allocating.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
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
  const std::vector<PropertyEntry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

  // Inline: called once per instance member, the evaluator's hottest path.
  const PropertyEntry* find(const char* name, std::size_t length) const {
    if (entries_.empty()) return nullptr;
    std::uint64_t h = hash(name, length);
    std::size_t slot = h & mask_;
    while (true) {
      std::int32_t index = slots_[slot];
      if (index < 0) return nullptr;
      const PropertyEntry& entry = entries_[static_cast<std::size_t>(index)];
      if (entry.hash == h && entry.name.size() == length &&
          std::memcmp(entry.name.data(), name, length) == 0)
        return &entry;
      slot = (slot + 1) & mask_;
    }
  }

  // Hashes the length and the first and last eight bytes: property names are short, and
  // this costs the same for every name (no loop over bytes).
  static std::uint64_t hash(const char* name, std::size_t length) {
    std::uint64_t head = 0, tail = 0;
    std::memcpy(&head, name, length < 8 ? length : 8);
    if (length > 8) std::memcpy(&tail, name + length - 8, 8);
    std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^
                      (length * 0x165667B19E3779F9ull);
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h;
  }

 private:
  std::vector<PropertyEntry> entries_;
  std::vector<std::int32_t> slots_;  // index into entries_, -1 when free
  std::size_t mask_ = 0;
};

}  // namespace conform::schema
