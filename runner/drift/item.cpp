#include "drift/item.hpp"

#include <algorithm>
#include <tuple>

namespace conform::drift {

const char* to_string(Level level) {
  switch (level) {
    case Level::info:
      return "info";
    case Level::warning:
      return "warning";
    case Level::breaking:
      return "breaking";
  }
  return "info";
}

std::optional<Level> parse_fail_on(std::string_view text) {
  if (text == "breaking") return Level::breaking;
  if (text == "any") return Level::warning;
  return std::nullopt;
}

void sort_items(DriftItems& items) {
  std::stable_sort(items.begin(), items.end(), [](const DriftItem& a, const DriftItem& b) {
    return std::forward_as_tuple(a.vendor, a.message, b.level, a.finding.keyword,
                                 a.finding.pointer) <
           std::forward_as_tuple(b.vendor, b.message, a.level, b.finding.keyword,
                                 b.finding.pointer);
  });
}

bool reaches(const DriftItems& items, Level threshold) {
  return std::any_of(items.begin(), items.end(),
                     [&](const DriftItem& item) { return item.level >= threshold; });
}

}  // namespace conform::drift
