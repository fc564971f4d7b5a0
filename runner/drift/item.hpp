// DriftItem: one change or contract violation found by drift, diff or a baseline
// comparison, with its level from the integration's point of view.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.hpp"

namespace conform::drift {

// breaking: an integration written to the contract may fail; warning: it may behave
// differently; info: worth knowing, never a failure.
enum class Level { info, warning, breaking };

const char* to_string(Level level);

// --fail-on: "breaking" -> breaking; "any" -> warning (info never fails a run).
std::optional<Level> parse_fail_on(std::string_view text);

struct DriftItem {
  Level level = Level::info;
  std::string vendor;
  std::string message;  // "response:200", "request", or "" for the vendor as a whole
  // Where it was seen: a snapshot file relative to the recording, or a schema file.
  std::string source;
  // keyword: the stable rule id (docs/drift.md); pointer: the instance location (drift) or
  // the schema location (diff); message: one line; expected/actual where they exist.
  Finding finding;
  // How many snapshots showed the same item (drift aggregates them).
  int occurrences = 1;

  const std::string& rule() const { return finding.keyword; }
};

using DriftItems = std::vector<DriftItem>;

// Sorted by vendor, message, level (breaking first), rule and pointer: stable output.
void sort_items(DriftItems& items);

// True when some item is at `threshold` or above.
bool reaches(const DriftItems& items, Level threshold);

}  // namespace conform::drift
