// `conform diff`: classifies every change between two schema trees (two revisions of
// schemas/) with a stable rule id and a level from the integration's point of view.
#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/drift_options.hpp"
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

int run_diff(const Arguments& parsed) {
  if (parsed.positional().size() != 2) {
    throw UsageError("give two schema trees: OLD and NEW (folders like schemas/)");
  }
  const DriftOutput output = read_drift_output(parsed);
  std::shared_ptr<contracts::Catalog> trees[2];
  for (int i = 0; i < 2; ++i) {
    const fs::path dir = parsed.positional()[static_cast<std::size_t>(i)];
    if (const std::string problem = path_problem(dir, PathKind::folder); !problem.empty()) {
      throw CannotRun(dir.string() + ": " + problem +
                      "; give two schema trees (folders like schemas/)");
    }
    try {
      trees[i] = contracts::Catalog::load(dir);
    } catch (const std::exception& e) {
      throw CannotRun("cannot read the schema tree " + dir.string() + ": " + e.what());
    }
  }
  const drift::DriftItems items = drift::diff_trees(*trees[0], *trees[1]);
  print_drift_items(output, items, {});
  if (const auto report_dir = parsed.value("--report-dir")) {
    write_reports(drift::to_run_result(items, nullptr, output.fail_on, parsed.positional()[1]),
                  *report_dir);
  }
  return drift::reaches(items, output.fail_on) ? kExitFindings : kExitOk;
}

const CommandRegistration kRegistration{
    {"diff",
     "classify the changes between two schema trees (breaking, warning, info)",
     kUsage,
     {{"--fail-on", "breaking|any"}, {"--output", "text|json|sarif"}, {"--report-dir", "DIR"}},
     run_diff}};

}  // namespace
}  // namespace conform::cli
