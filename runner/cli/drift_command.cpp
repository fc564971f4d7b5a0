// `conform drift`: checks a recording against the vendors' contracts in strict mode and,
// with a baseline, against an earlier recording; writes the same reports as replay.
#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/drift_options.hpp"
#include "contracts/catalog.hpp"
#include "drift/drift_report.hpp"
#include "drift/recording_check.hpp"

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

int run_drift(const Arguments& parsed) {
  if (parsed.positional().size() != 1) {
    throw UsageError("give one recording folder (from `conform record --out DIR`)");
  }
  const DriftOutput output = read_drift_output(parsed);
  const auto catalog = load_catalog(parsed);
  const fs::path dir = parsed.positional().front();
  const drift::Recording current = read_recording_checked(dir);
  const auto baseline_dir = parsed.value("--baseline");
  // A recording whose vendors all got no response is still evidence against a baseline.
  if (current.snapshots.empty() && (!baseline_dir || current.vendors.empty())) {
    throw CannotRun(dir.string() + " holds no snapshots; record some with `conform record --out " +
                    dir.string() + "`.");
  }
  drift::RecordingCheck checked = drift::check_recording(*catalog, current);
  drift::DriftItems items = checked.items;
  if (baseline_dir) {
    const drift::Recording baseline = read_recording_checked(*baseline_dir);
    const drift::RecordingCheck before = drift::check_recording(*catalog, baseline);
    drift::DriftItems changes =
        drift::compare_recordings(baseline, before.shapes, current, checked.shapes, checked.maps);
    items.insert(items.end(), changes.begin(), changes.end());
    drift::sort_items(items);
  }

  if (output.format == "text") {
    std::cout << "drift: " << current.snapshots.size() << " snapshots in " << dir.string()
              << (baseline_dir ? " against the baseline " + *baseline_dir : "") << "\n\n";
  }
  print_drift_items(output, items, dir);
  if (const auto report_dir = parsed.value("--report-dir")) {
    write_reports(drift::to_run_result(items, &current, output.fail_on, dir.string()), *report_dir);
    if (output.format == "text") {
      std::cout << "reports: " << (fs::path(*report_dir) / "report.html").string() << "\n";
    }
  }
  return drift::reaches(items, output.fail_on) ? kExitFindings : kExitOk;
}

const CommandRegistration kRegistration{
    {"drift",
     "check recorded responses against the contracts and a baseline",
     kUsage,
     {{"--baseline", "DIR"},
      {"--fail-on", "breaking|any"},
      {"--report-dir", "DIR"},
      {"--schemas", "DIR"},
      {"--output", "text|json|sarif"}},
     run_drift}};

}  // namespace
}  // namespace conform::cli
