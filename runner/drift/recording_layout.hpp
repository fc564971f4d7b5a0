// recording_layout: how `conform record` lays a recording out on disk: one folder per
// vendor, one per case, one <step>.json per response. A new recording of a vendor replaces
// its earlier one, so a deleted case leaves no stale snapshot behind.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "drift/snapshot.hpp"

namespace conform::drift {

// Replaces the snapshots of `vendors` under `dir` with `snapshots`. Only earlier
// <vendor>/<case>/<n>.json files are removed (and case folders left empty); every vendor
// keeps its folder even when no step got a response, so `drift --baseline` knows the
// vendor was recorded and reports the snapshots it lacks. Throws std::runtime_error (or
// std::filesystem::filesystem_error) when the folder cannot be written.
void replace_recording(const std::filesystem::path& dir, const std::set<std::string>& vendors,
                       const std::vector<Snapshot>& snapshots);

}  // namespace conform::drift
