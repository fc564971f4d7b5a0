// `conform drift`: checks a recording against the vendors' contracts in strict mode and,
// with a baseline, against an earlier recording; writes the same reports as replay.
#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/path_check.hpp"
#include "cli/schemas_location.hpp"
#include "contracts/catalog.hpp"
#include "drift/drift_report.hpp"
#include "drift/recording_check.hpp"
#include "report/reports.hpp"

namespace conform::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: conform drift DIR [--baseline DIR] [--fail-on breaking|any] [--report-dir DIR]\n"
    "                     [--output text|json|sarif] [--schemas DIR]\n"
    "\n"
    "Checks every snapshot `conform record` stored in DIR against its vendor's contract in\n"
    "strict mode: undocumented properties (with type and an example), documented properties\n"
    "never seen, type/format/enum/pattern violations, undocumented statuses and content\n"
    "types, XML rule violations. With --baseline, also what changed since that recording:\n"
    "properties added, removed, or with another type, and responses the baseline has that\n"
    "this recording lacks. Every rule: docs/drift.md.\n"
    "\n"
    "options:\n"
    "  --baseline DIR      an earlier recording to compare with\n"
    "  --fail-on LEVEL     breaking (default): exit 1 on breaking drift; any: on warnings too\n"
    "                      (info items never fail)\n"
    "  --output FORMAT     text (default) or json: {\"changes\": [{vendor, message, rule,\n"
    "                      level, pointer, text, file, expected, actual, occurrences}],\n"
    "                      \"counts\"}; sarif: SARIF 2.1.0, warning and breaking items\n"
    "  --report-dir DIR    also write junit.xml, report.json, report.html, summary.md there\n"
    "  --schemas DIR       the vendor contracts (default: the installed schemas/)\n"
    "  -h, --help          show this help\n"
    "\n"
    "exit status: 0 no drift at or above --fail-on; 1 drift; 2 bad arguments or an\n"
    "unreadable recording.\n"
    "\n"
    "example:\n"
    "  conform drift snapshots --baseline snapshots-main --fail-on any\n";

int usage_error(const std::string& message) {
  std::cerr << "conform drift: " << message << "\nRun 'conform drift --help' for the options.\n";
  return kExitUsage;
}

// Reads a recording; prints its problems and returns false when it cannot be used.
bool read_checked(const fs::path& dir, drift::Recording& recording) {
  if (const std::string problem = path_problem(dir, PathKind::folder); !problem.empty()) {
    std::cerr << "conform drift: " << dir.string() << ": " << problem
              << "; give the folder `conform record --out DIR` wrote\n";
    return false;
  }
  recording = drift::read_recording(dir);
  for (const Finding& problem : recording.problems) {
    std::cerr << "error: " << problem.message << "\n";
  }
  if (!recording.problems.empty()) {
    std::cerr << "conform drift: " << dir.string()
              << " is not a recording; make one with `conform record --out " << dir.string()
              << "`.\n";
    return false;
  }
  return true;
}

int run_drift(const std::vector<std::string>& args) {
  const Arguments parsed(args, {"--baseline", "--fail-on", "--report-dir", "--schemas", "--output"},
                         {"--help", "-h"});
  if (!parsed.error().empty()) return usage_error(parsed.error());
  if (parsed.flag("--help") || parsed.flag("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (parsed.positional().size() != 1) {
    return usage_error("give one recording folder (from `conform record --out DIR`)");
  }
  drift::Level fail_on = drift::Level::breaking;
  if (const auto text = parsed.value("--fail-on")) {
    const auto level = drift::parse_fail_on(*text);
    if (!level) return usage_error("--fail-on takes breaking or any, not \"" + *text + "\"");
    fail_on = *level;
  }
  const std::string output = parsed.value("--output").value_or("text");
  if (output != "text" && output != "json" && output != "sarif") {
    return usage_error("--output takes text, json or sarif, not \"" + output + "\"");
  }
  std::shared_ptr<contracts::Catalog> catalog;
  try {
    catalog = contracts::Catalog::load(schemas_location(parsed.value("--schemas")));
  } catch (const std::exception& e) {
    std::cerr << "conform drift: cannot load the vendor contracts: " << e.what() << "\n";
    return kExitUsage;
  }
  const fs::path dir = parsed.positional().front();
  drift::Recording current;
  if (!read_checked(dir, current)) return kExitUsage;
  const auto baseline_dir = parsed.value("--baseline");
  // A recording whose vendors all got no response is still evidence against a baseline.
  if (current.snapshots.empty() && (!baseline_dir || current.vendors.empty())) {
    std::cerr << "conform drift: " << dir.string()
              << " holds no snapshots; record some with `conform record --out " << dir.string()
              << "`.\n";
    return kExitUsage;
  }
  drift::RecordingCheck checked = drift::check_recording(*catalog, current);
  drift::DriftItems items = checked.items;
  if (baseline_dir) {
    drift::Recording baseline;
    if (!read_checked(*baseline_dir, baseline)) return kExitUsage;
    const drift::RecordingCheck before = drift::check_recording(*catalog, baseline);
    drift::DriftItems changes =
        drift::compare_recordings(baseline, before.shapes, current, checked.shapes, checked.maps);
    items.insert(items.end(), changes.begin(), changes.end());
    drift::sort_items(items);
  }

  if (output == "json") {
    drift::print_items_json(std::cout, items);
  } else if (output == "sarif") {
    drift::write_items_sarif(std::cout, items, fail_on, {"conform", CONFORM_VERSION}, dir);
  } else {
    std::cout << "drift: " << current.snapshots.size() << " snapshots in " << dir.string()
              << (baseline_dir ? " against the baseline " + *baseline_dir : "") << "\n\n";
    drift::print_items(std::cout, items);
  }
  if (const auto report_dir = parsed.value("--report-dir")) {
    try {
      report::write_reports(drift::to_run_result(items, &current, fail_on, dir.string()),
                            *report_dir);
      if (output == "text") {
        std::cout << "reports: " << (fs::path(*report_dir) / "report.html").string() << "\n";
      }
    } catch (const std::exception& e) {
      std::cerr << "conform drift: cannot write the reports: " << e.what() << "\n";
      return kExitUsage;
    }
  }
  return drift::reaches(items, fail_on) ? kExitFindings : kExitOk;
}

const CommandRegistration kRegistration{
    {"drift", "check recorded responses against the contracts and a baseline", run_drift}};

}  // namespace
}  // namespace conform::cli
