// recording_check: what `conform drift` finds in a recording — each snapshot checked
// against its vendor's contract in strict mode, documented properties never seen, and
// with a baseline, what changed between the two recordings.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>

#include "contracts/catalog.hpp"
#include "drift/item.hpp"
#include "drift/shape.hpp"
#include "drift/snapshot.hpp"

namespace conform::drift {

// The group of read-backs no message describes: their bodies are evidence for --baseline
// and infer, but are not checked against a schema (as replay does not check them).
inline constexpr const char* kUndocumentedRead = "read";

// The message a snapshot's body is checked against: the message its step named; else for
// the vendor's write method or a status other than 2xx "response:STATUS"; else (a 2xx
// read-back) the message the manifest's mock.responses.read.validates_as names, if any;
// else kUndocumentedRead.
std::string message_for(const contracts::Manifest& vendor, const Snapshot& snapshot);

// (vendor, message) -> every body seen for it.
using Shapes = std::map<std::pair<std::string, std::string>, Shape>;

// (vendor, message) -> the map objects of its schema (schema_files.hpp: map_paths).
using MapPaths = std::map<std::pair<std::string, std::string>, std::set<std::string>>;

struct RecordingCheck {
  DriftItems items;  // aggregated: one item per vendor, message, rule and generic pointer
  Shapes shapes;
  MapPaths maps;
};

// Rules (docs/drift.md): property-undocumented, property-missing, type-mismatch,
// enum-value-undocumented, format-mismatch, pattern-mismatch, schema-violation,
// body-unexpected, body-unreadable, content-type-undocumented, content-type-missing,
// status-undocumented, xml-rule-violated, vendor-unknown, property-never-seen.
RecordingCheck check_recording(const contracts::Catalog& catalog, const Recording& recording);

// Rules: property-added, property-removed, property-type-changed, property-became-nullable,
// value-new, message-new, message-not-seen, status-changed, content-type-changed,
// snapshot-missing (for every vendor `current` recorded, even with no snapshot). Members of
// `maps` (names that are data, like tags) are not compared one by one.
DriftItems compare_recordings(const Recording& baseline, const Shapes& baseline_shapes,
                              const Recording& current, const Shapes& current_shapes,
                              const MapPaths& maps = {});

}  // namespace conform::drift
