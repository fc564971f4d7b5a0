#include "schema/property_table.hpp"

#include <utility>

namespace conform::schema {
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

}  // namespace conform::schema
