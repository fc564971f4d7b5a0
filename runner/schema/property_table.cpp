#include "schema/property_table.hpp"

#include <cstring>
#include <utility>

namespace conform::schema {
namespace {

std::uint64_t load_prefix(const char* bytes, std::size_t length) {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, length < 8 ? length : 8);
  return word;
}

}  // namespace

// Hashes the length and the first and last eight bytes: property names are short, and this
// costs the same for every name (no loop over bytes).
std::uint64_t PropertyTable::hash(const char* name, std::size_t length) {
  std::uint64_t head = load_prefix(name, length);
  std::uint64_t tail = length > 8 ? load_prefix(name + length - 8, 8) : 0;
  std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^
                    (length * 0x165667B19E3779F9ull);
  h ^= h >> 31;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

void PropertyTable::build(std::vector<PropertyEntry> entries) {
  entries_ = std::move(entries);
  std::size_t size = 4;
  while (size < entries_.size() * 2) size *= 2;
  mask_ = size - 1;
  slots_.assign(size, -1);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    PropertyEntry& entry = entries_[i];
    entry.hash = hash(entry.name.data(), entry.name.size());
    std::size_t slot = entry.hash & mask_;
    while (slots_[slot] >= 0) slot = (slot + 1) & mask_;
    slots_[slot] = static_cast<std::int32_t>(i);
  }
}

const PropertyEntry* PropertyTable::find(const char* name, std::size_t length) const {
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

}  // namespace conform::schema
