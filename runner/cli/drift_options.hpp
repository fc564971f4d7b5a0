// drift_options: what `conform drift` and `conform diff` share: --fail-on and --output, the
// printing of drift items, and reading a recording folder `conform record` wrote.
#pragma once

#include <filesystem>
#include <string>

#include "cli/arguments.hpp"
#include "drift/item.hpp"
#include "drift/recording_check.hpp"

namespace conform::cli {

struct DriftOutput {
  drift::Level fail_on = drift::Level::breaking;
  std::string format = "text";  // text, json or sarif
};

// --fail-on and --output; UsageError when either has another value.
DriftOutput read_drift_output(const Arguments& args);

// The items as --output says; `base` anchors SARIF's relative paths.
void print_drift_items(const DriftOutput& output, const drift::DriftItems& items,
                       const std::filesystem::path& base);

// The recording in `dir`; prints its problems and throws CannotRun when it cannot be used.
drift::Recording read_recording_checked(const std::filesystem::path& dir);

}  // namespace conform::cli
