#include "cli/drift_options.hpp"

#include <iostream>

#include "cli/command.hpp"
#include "cli/path_check.hpp"
#include "drift/drift_report.hpp"

namespace conform::cli {

DriftOutput read_drift_output(const Arguments& args) {
  DriftOutput output;
  if (const auto text = args.value("--fail-on")) {
    const auto level = drift::parse_fail_on(*text);
    if (!level) throw UsageError("--fail-on takes breaking or any, not \"" + *text + "\"");
    output.fail_on = *level;
  }
  output.format = args.value("--output").value_or("text");
  if (output.format != "text" && output.format != "json" && output.format != "sarif") {
    throw UsageError("--output takes text, json or sarif, not \"" + output.format + "\"");
  }
  return output;
}

void print_drift_items(const DriftOutput& output, const drift::DriftItems& items,
                       const std::filesystem::path& base) {
  if (output.format == "json") {
    drift::print_items_json(std::cout, items);
  } else if (output.format == "sarif") {
    drift::write_items_sarif(std::cout, items, output.fail_on, {"conform", CONFORM_VERSION}, base);
  } else {
    drift::print_items(std::cout, items);
  }
}

drift::Recording read_recording_checked(const std::filesystem::path& dir) {
  if (const std::string problem = path_problem(dir, PathKind::folder); !problem.empty()) {
    throw CannotRun(dir.string() + ": " + problem +
                    "; give the folder `conform record --out DIR` wrote");
  }
  drift::Recording recording = drift::read_recording(dir);
  for (const Finding& problem : recording.problems) {
    std::cerr << "error: " << problem.message << "\n";
  }
  if (!recording.problems.empty()) {
    throw CannotRun(dir.string() + " is not a recording; make one with `conform record --out " +
                    dir.string() + "`.");
  }
  return recording;
}

}  // namespace conform::cli
