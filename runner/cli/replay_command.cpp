// `conform replay`: runs case files against the embedded mock or a live target, prints
// progress and a summary, and writes the reports.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/case_run_options.hpp"
#include "cli/command.hpp"
#include "cli/console.hpp"
#include "contracts/catalog.hpp"
#include "replay/console_progress.hpp"
#include "replay/run.hpp"
#include "replay/run_setup.hpp"
#include "replay/selection.hpp"
#include "report/coverage.hpp"
#include "report/reports.hpp"

namespace conform::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: conform replay [FILE|DIR]... [--target mock|URL] [--base ID=URL]...\n"
    "                      [--var K=V]... [--secret-var K=V]... [--vars-file F]\n"
    "                      [--tag T]... [--exclude-tag T]... [--jobs N] [--shard K/N]\n"
    "                      [--fail-fast] [--report-dir DIR] [--cacert F] [--insecure]\n"
    "                      [--timeout MS] [--retries N] [--rps N] [--limit body-bytes=SIZE]\n"
    "                      [--mock-profile NAME]\n"
    "\n"
    "Replays case files (default: the cases/ folder beside the schemas) and checks every\n"
    "response: status, the vendor's schema, assertions, the vendor's rules. Writes junit.xml,\n"
    "report.json, report.html, summary.md (with a contract-coverage table) and report.tap.\n"
    "\n"
    "options:\n"
    "  --target mock|URL   mock (default): the embedded mock on a free loopback port, with\n"
    "                      its test credentials; URL: a server with each vendor under /<id>\n"
    "                      (a `conform mock` elsewhere), credentials from the environment\n"
    "                      variables each manifest's auth.env names\n"
    "  --base ID=URL       vendor ID's endpoint root (repeatable); e.g. the live API\n"
    "  --fixtures          use the mock's test credentials with a URL target too\n"
    "  --var K=V           set ${K} (repeatable); overrides the profile and the case\n"
    "  --secret-var K=V    the same, and the value is redacted everywhere\n"
    "  --vars-file F       K=V lines; 'secret K=V' marks a secret\n"
    "  --tag T             only cases with tag T (repeatable: any of them)\n"
    "  --exclude-tag T     leave out cases with tag T (repeatable)\n"
    "  --jobs N            cases in parallel (default 1); the steps of a case run in order\n"
    "  --shard K/N         run the K-th of N deterministic slices of the cases\n"
    "  --fail-fast         stop after the first failed case\n"
    "  --report-dir DIR    where the reports go (default reports/latest)\n"
    "  --cacert F          trust the CA certificates in F for HTTPS\n"
    "  --insecure          do not verify HTTPS certificates\n"
    "  --timeout MS        the most one attempt may take, connecting to the response's\n"
    "                      last byte (default 10000, at most 600000)\n"
    "  --retries N         further attempts after connection errors, 429 and 503 (default 2,\n"
    "                      at most 10); Ctrl-C stops them and their back-off\n"
    "  --limit body-bytes=SIZE  the largest response body read (default 256M)\n"
    "  --rps N             at most N requests per second, all workers together\n"
    "  --mock-profile NAME the embedded mock's profile: default or drifted\n"
    "  --schemas DIR       the vendor contracts (default: the installed schemas/)\n"
    "  -h, --help          show this help\n"
    "\n"
    "exit status: 0 every case passed; 1 a case failed; 2 a broken case file, bad\n"
    "arguments, or an unreachable target.\n"
    "\n"
    "example:\n"
    "  conform replay cases/ --jobs 4\n"
    "  conform replay cases/VENDOR --base VENDOR=https://sandbox.example.com --var user_id=ID\n";

struct Options : CaseRunOptions {
  fs::path report_dir = "reports/latest";
};

Options read_options(const Arguments& parsed) {
  Options options;
  read_case_run_options(parsed, options);
  if (auto shard = parsed.value("--shard")) {
    const auto parsed_shard = replay::parse_shard(*shard);
    if (!parsed_shard) {
      throw UsageError("--shard takes K/N with 1 <= K <= N, not \"" + *shard + "\"");
    }
    options.selection.shard = *parsed_shard;
  }
  options.run.fail_fast = parsed.flag("--fail-fast");
  if (auto dir = parsed.value("--report-dir")) options.report_dir = *dir;
  return options;
}

void print_broken(const fs::path& file, const Findings& findings, const std::string& source) {
  PayloadResult result;
  result.file = file.string();
  result.valid = false;
  result.findings = findings;
  std::cerr << "error: broken case file " << file.string() << "\n";
  render_findings(std::cerr, result, source, use_colour(STDERR_FILENO));
}

// The first finding of `keyword` in a step that could not run: a step that got no
// response means an unreachable target; an unset variable means a missing credential or
// --var. Both are the run's set-up, not the case, at fault.
const Finding* setup_problem(const RunResult& run, const std::string& keyword) {
  for (const CaseResult& result : run.cases) {
    for (const StepResult& step : result.steps) {
      if (step.exchange.status != 0 || step.outcome != Outcome::error) continue;
      for (const Finding& finding : step.findings) {
        if (finding.keyword == keyword) return &finding;
      }
    }
  }
  return nullptr;
}

int run_replay(const Arguments& parsed) {
  Options options = read_options(parsed);
  const auto catalog = load_catalog(parsed);
  const replay::CaseSet loaded = load_cases(options, *catalog);
  for (const Finding& problem : loaded.missing) std::cerr << "error: " << problem.message << "\n";
  for (const auto* broken : {&loaded.broken, &loaded.broken_defaults}) {
    for (const auto& file : *broken) print_broken(file.file, file.findings, file.source);
  }
  if (!loaded.missing.empty() || !loaded.broken.empty() || !loaded.broken_defaults.empty()) {
    throw CannotRun("fix the case files above; nothing was sent.");
  }
  const std::vector<const replay::Case*> selected = selected_cases(loaded, options);

  replay::RunTargets targets;
  try {
    targets = replay::set_up_targets(catalog, options, options.target == "mock", loaded);
  } catch (const replay::SetupError& e) {
    throw CannotRun(e.what());
  }
  const auto& server = targets.server;
  options.run.target = server ? "mock" : options.target;
  options.run.interrupted = replay::interrupt_on_signals();

  std::cout << "replaying " << selected.size() << " of " << loaded.cases.size() << " cases against "
            << (server ? "the embedded mock at " + server->base_url() : options.target) << " with "
            << options.run.jobs << (options.run.jobs == 1 ? " job" : " jobs") << "\n";
  std::cout.flush();
  RunResult run =
      run_selected_cases(selected, targets.targets, *catalog, options.run,
                         replay::console_progress(std::cout, isatty(STDOUT_FILENO) != 0));
  if (server) server->stop();

  replay::print_summary(std::cout, run);
  run.coverage = report::measure_coverage(run, catalog->vendors());
  write_reports(run, options.report_dir);
  std::cout << "reports: " << (options.report_dir / "report.html").string() << "\n";

  if (const Finding* problem = setup_problem(run, "transport")) {
    std::cerr << "conform replay: the target did not answer: " << problem->message
              << "\nCheck --target/--base, that the server runs and is reachable, and for HTTPS "
                 "--cacert or --insecure.\n";
    return kExitCannotRun;
  }
  if (const Finding* problem = setup_problem(run, "variable")) {
    std::cerr << "conform replay: " << problem->message
              << "\nLive targets read credentials from the environment variables each manifest's "
                 "auth.env names (conform vendors shows them); --fixtures uses the mock's.\n";
    return kExitCannotRun;
  }
  if (run.interrupted) return kExitCannotRun;
  for (const CaseResult& result : run.cases) {
    if (result.outcome == Outcome::failed || result.outcome == Outcome::error) return kExitFindings;
  }
  return kExitOk;
}

const CommandRegistration kRegistration{
    {"replay", "run case files against the embedded mock or a live target", kUsage,
     with(case_run_options(), {{"--shard", "K/N"}, {"--report-dir", "DIR"}, {"--fail-fast"}}),
     run_replay}};

}  // namespace
}  // namespace conform::cli
