// `conform diff`: classifies every change between two schema trees (two revisions of
// schemas/) with a stable rule id and a level from the integration's point of view.
#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/path_check.hpp"
#include "contracts/catalog.hpp"
#include "drift/drift_report.hpp"
#include "drift/tree_diff.hpp"
#include "report/reports.hpp"

namespace conform::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: conform diff OLD NEW [--fail-on breaking|any] [--output text|json|sarif]\n"
    "                    [--report-dir DIR]\n"
    "\n"
    "Compares two schema trees (folders like schemas/, e.g. two git revisions of it):\n"
    "vendors, endpoints, media types, messages, every JSON Schema and XML rules file. Each\n"
    "change has a stable rule id and a level: breaking, warning or info, judged for requests\n"
    "(what the integration sends) and responses (what it reads). Changes under oneOf, anyOf\n"
    "and allOf are judged conservatively. Every rule: docs/drift.md.\n"
    "\n"
    "options:\n"
    "  --fail-on LEVEL     breaking (default): exit 1 on a breaking change; any: on warnings\n"
    "                      too (info never fails)\n"
    "  --output FORMAT     text (default) or json: {\"changes\": [{vendor, message, rule,\n"
    "                      level, pointer, text, file, expected, actual}], \"counts\"};\n"
    "                      sarif: SARIF 2.1.0, warning and breaking changes\n"
    "  --report-dir DIR    also write junit.xml, report.json, report.html, summary.md there\n"
    "  -h, --help          show this help\n"
    "\n"
    "exit status: 0 no change at or above --fail-on; 1 such changes; 2 bad arguments or a\n"
    "tree that cannot be read.\n"
    "\n"
    "example:\n"
    "  git worktree add /tmp/old main && conform diff /tmp/old/schemas schemas\n";

int usage_error(const std::string& message) {
  std::cerr << "conform diff: " << message << "\nRun 'conform diff --help' for the options.\n";
  return kExitUsage;
}

int run_diff(const std::vector<std::string>& args) {
  const Arguments parsed(args, {"--fail-on", "--output", "--report-dir"}, {"--help", "-h"});
  if (!parsed.error().empty()) return usage_error(parsed.error());
  if (parsed.flag("--help") || parsed.flag("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (parsed.positional().size() != 2) {
    return usage_error("give two schema trees: OLD and NEW (folders like schemas/)");
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
  std::shared_ptr<contracts::Catalog> trees[2];
  for (int i = 0; i < 2; ++i) {
    const fs::path dir = parsed.positional()[static_cast<std::size_t>(i)];
    if (const std::string problem = path_problem(dir, PathKind::folder); !problem.empty()) {
      std::cerr << "conform diff: " << dir.string() << ": " << problem
                << "; give two schema trees (folders like schemas/)\n";
      return kExitUsage;
    }
    try {
      trees[i] = contracts::Catalog::load(dir);
    } catch (const std::exception& e) {
      std::cerr << "conform diff: cannot read the schema tree " << dir.string() << ": " << e.what()
                << "\n";
      return kExitUsage;
    }
  }
  const drift::DriftItems items = drift::diff_trees(*trees[0], *trees[1]);
  if (output == "json") {
    drift::print_items_json(std::cout, items);
  } else if (output == "sarif") {
    drift::write_items_sarif(std::cout, items, fail_on, {"conform", CONFORM_VERSION}, {});
  } else {
    drift::print_items(std::cout, items);
  }
  if (const auto report_dir = parsed.value("--report-dir")) {
    try {
      report::write_reports(drift::to_run_result(items, nullptr, fail_on, parsed.positional()[1]),
                            *report_dir);
    } catch (const std::exception& e) {
      std::cerr << "conform diff: cannot write the reports: " << e.what() << "\n";
      return kExitUsage;
    }
  }
  return drift::reaches(items, fail_on) ? kExitFindings : kExitOk;
}

const CommandRegistration kRegistration{
    {"diff", "classify the changes between two schema trees (breaking, warning, info)", run_diff}};

}  // namespace
}  // namespace conform::cli
