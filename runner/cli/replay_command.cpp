// `conform replay`: runs case files against the embedded mock or a live target, prints
// progress and a summary, and writes the reports.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/case_run_options.hpp"
#include "cli/command.hpp"
#include "cli/console.hpp"
#include "cli/schemas_location.hpp"
#include "contracts/catalog.hpp"
#include "http/url.hpp"
#include "mock/server.hpp"
#include "replay/case_loader.hpp"
#include "replay/profile.hpp"
#include "replay/run.hpp"
#include "replay/selection.hpp"
#include "report/coverage.hpp"
#include "report/reports.hpp"
#include "text/terminal.hpp"

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

std::atomic<bool> g_interrupted{false};

extern "C" void on_interrupt(int) { g_interrupted = true; }

struct Options : CaseRunOptions {
  fs::path report_dir = "reports/latest";
};

int usage_error(const std::string& message) {
  std::cerr << "conform replay: " << message << "\nRun 'conform replay --help' for the options.\n";
  return kExitUsage;
}

// Fills `options` from the command line; returns an exit code when it cannot.
std::optional<int> parse_options(const std::vector<std::string>& args, Options& options) {
  auto with_value = case_run_value_options();
  with_value.insert({"--shard", "--report-dir"});
  auto flags = case_run_flags();
  flags.insert("--fail-fast");
  const Arguments parsed(args, with_value, flags);
  if (!parsed.error().empty()) return usage_error(parsed.error());
  if (parsed.flag("--help") || parsed.flag("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (auto problem = read_case_run_options(parsed, options)) return usage_error(*problem);
  if (auto shard = parsed.value("--shard")) {
    const auto parsed_shard = replay::parse_shard(*shard);
    if (!parsed_shard)
      return usage_error("--shard takes K/N with 1 <= K <= N, not \"" + *shard + "\"");
    options.selection.shard = *parsed_shard;
  }
  options.run.fail_fast = parsed.flag("--fail-fast");
  if (auto dir = parsed.value("--report-dir")) options.report_dir = *dir;
  return std::nullopt;
}

void print_broken(const fs::path& file, const Findings& findings, const std::string& source) {
  PayloadResult result;
  result.file = file.string();
  result.valid = false;
  result.findings = findings;
  std::cerr << "error: broken case file " << file.string() << "\n";
  render_findings(std::cerr, result, source, use_colour(STDERR_FILENO));
}

struct LoadedCases {
  std::vector<replay::Case> cases;
  std::map<fs::path, replay::VendorDefaults> defaults;  // by folder
  bool broken = false;
};

LoadedCases load_cases(const std::vector<fs::path>& paths, const replay::CaseLoader& loader,
                       const contracts::Catalog& catalog) {
  LoadedCases out;
  Findings problems;
  const auto files = replay::discover_case_files(paths, problems);
  for (const Finding& problem : problems) {
    std::cerr << "error: " << problem.message << "\n";
    out.broken = true;
  }
  for (const auto& file : files) {
    auto loaded = loader.load_case(file);
    if (!loaded.value) {
      print_broken(file, loaded.findings, loaded.source);
      out.broken = true;
      continue;
    }
    if (!catalog.find(loaded.value->vendor)) {
      Finding finding;
      finding.pointer = "/vendor";
      finding.keyword = "vendor";
      finding.message =
          "no vendor \"" + loaded.value->vendor + "\" in " + catalog.schemas_dir().string();
      const auto at = loaded.source.find("\"vendor\"");
      if (at != std::string::npos) {
        finding.line =
            1 + static_cast<int>(std::count(loaded.source.begin(),
                                            loaded.source.begin() + static_cast<long>(at), '\n'));
        const auto line_start = loaded.source.rfind('\n', at);
        finding.column =
            static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
        finding.length = 8;
      }
      print_broken(file, {finding}, loaded.source);
      out.broken = true;
      continue;
    }
    const fs::path folder = file.parent_path();
    if (!out.defaults.count(folder) && fs::is_regular_file(folder / "defaults.json")) {
      auto defaults = loader.load_defaults(folder / "defaults.json");
      if (!defaults.value) {
        print_broken(folder / "defaults.json", defaults.findings, defaults.source);
        out.broken = true;
        out.defaults[folder] = {};
      } else {
        out.defaults[folder] = std::move(*defaults.value);
      }
    }
    out.cases.push_back(std::move(*loaded.value));
  }
  return out;
}

std::string format_ms(double ms) {
  std::ostringstream out;
  if (ms < 1000) {
    out << static_cast<long>(ms + 0.5) << " ms";
  } else {
    out << std::fixed << std::setprecision(2) << ms / 1000 << " s";
  }
  return out.str();
}

const char* outcome_label(Outcome outcome) {
  switch (outcome) {
    case Outcome::passed:
      return "PASS ";
    case Outcome::failed:
      return "FAIL ";
    case Outcome::error:
      return "ERROR";
    case Outcome::skipped:
      return "SKIP ";
  }
  return "?    ";
}

// Everything below is outside data (case files, the vendor's responses): escaped.
void print_case_detail(std::ostream& out, const CaseResult& result) {
  const auto safe = [](std::string_view text) { return text::escape_for_terminal(text); };
  for (const StepResult& step : result.steps) {
    if (step.outcome == Outcome::passed || step.outcome == Outcome::skipped) continue;
    out << "    step \"" << safe(step.name) << "\": " << safe(step.exchange.method) << " "
        << safe(step.exchange.url);
    if (step.exchange.status) out << " -> " << step.exchange.status;
    out << "\n";
    for (const Finding& finding : step.findings) {
      if (finding.severity != Severity::error) continue;
      out << "      " << safe(finding.keyword) << ": " << safe(finding.message);
      if (!finding.pointer.empty() && finding.message.find(finding.pointer) == std::string::npos) {
        out << " at " << safe(finding.pointer);
      }
      if (finding.expected) out << "; expected " << safe(*finding.expected);
      if (finding.actual) out << ", actual " << safe(*finding.actual);
      out << "\n";
    }
    if (!step.curl.empty()) out << "      reproduce: " << safe(step.curl) << "\n";
  }
}

void print_summary(std::ostream& out, const RunResult& run) {
  struct Counts {
    int passed = 0, failed = 0, error = 0, skipped = 0;
  };
  std::map<std::string, Counts> per_vendor;
  Counts total;
  for (const CaseResult& result : run.cases) {
    for (Counts* counts : {&per_vendor[result.vendor], &total}) {
      switch (result.outcome) {
        case Outcome::passed:
          ++counts->passed;
          break;
        case Outcome::failed:
          ++counts->failed;
          break;
        case Outcome::error:
          ++counts->error;
          break;
        case Outcome::skipped:
          ++counts->skipped;
          break;
      }
    }
  }
  const auto row = [&](const std::string& name, const Counts& c) {
    out << "  " << std::left << std::setw(14) << text::escape_for_terminal(name) << std::right
        << std::setw(7) << c.passed << std::setw(7) << c.failed << std::setw(7) << c.error
        << std::setw(8) << c.skipped << std::setw(7) << (c.passed + c.failed + c.error + c.skipped)
        << "\n";
  };
  out << "\n  " << std::left << std::setw(14) << "vendor" << std::right << std::setw(7) << "passed"
      << std::setw(7) << "failed" << std::setw(7) << "error" << std::setw(8) << "skipped"
      << std::setw(7) << "total"
      << "\n";
  for (const auto& [vendor, counts] : per_vendor) row(vendor, counts);
  row("all", total);
  const double seconds = run.duration_ms / 1000;
  out << "\n" << run.cases.size() << " cases in " << format_ms(run.duration_ms);
  if (seconds > 0) {
    out << " (" << std::fixed << std::setprecision(1)
        << static_cast<double>(run.cases.size()) / seconds << " cases/s)";
  }
  out << " against " << run.target << (run.interrupted ? " — interrupted" : "") << "\n";
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

int run_replay(const std::vector<std::string>& args) {
  Options options;
  if (const auto exit = parse_options(args, options)) return *exit;

  const fs::path schemas_dir = schemas_location(options.schemas);
  std::shared_ptr<contracts::Catalog> catalog;
  try {
    catalog = contracts::Catalog::load(schemas_dir);
  } catch (const std::exception& e) {
    std::cerr << "conform replay: cannot load the vendor contracts: " << e.what() << "\n";
    return kExitUsage;
  }
  // The case-file schema lives in the cases/ folder beside the schemas.
  const fs::path cases_dir = schemas_dir.parent_path() / "cases";
  if (options.paths.empty()) options.paths.push_back(cases_dir);

  std::unique_ptr<replay::CaseLoader> loader;
  try {
    loader = std::make_unique<replay::CaseLoader>(catalog->registry(), cases_dir);
  } catch (const std::exception& e) {
    std::cerr << "conform replay: cannot load the case-file schema from " << cases_dir.string()
              << ": " << e.what() << "\n";
    return kExitUsage;
  }
  LoadedCases loaded = load_cases(options.paths, *loader, *catalog);
  if (loaded.broken) {
    std::cerr << "conform replay: fix the case files above; nothing was sent.\n";
    return kExitUsage;
  }
  std::vector<const replay::Case*> selected;
  for (const auto& test_case : loaded.cases) {
    if (replay::selected(test_case, options.selection)) selected.push_back(&test_case);
  }

  // Where each vendor lives.
  std::unique_ptr<mock::MockServer> server;
  std::string target_base = options.target;
  if (options.target == "mock") {
    mock::MockOptions mock_options;
    mock_options.profile = options.mock_profile;
    try {
      server = std::make_unique<mock::MockServer>(catalog, mock_options);
      server->start();
    } catch (const std::exception& e) {
      std::cerr << "conform replay: cannot start the embedded mock: " << e.what() << "\n";
      return kExitUsage;
    }
    target_base = server->base_url();
  }
  std::map<std::string, replay::VendorTarget> targets;
  for (const auto& manifest : catalog->vendors()) {
    replay::VendorTarget target;
    target.manifest = &manifest;
    if (const auto base = options.bases.find(manifest.id); base != options.bases.end()) {
      target.base_url = base->second;
    } else if (server) {
      target.base_url = target_base + server->mount_point(manifest.id);
    } else {
      target.base_url = http::join_url(target_base, manifest.id);
    }
    const bool fixtures = (server && !options.bases.count(manifest.id)) || options.fixtures;
    target.live = !fixtures;
    try {
      target.variables =
          fixtures ? replay::mock_profile(manifest) : replay::environment_profile(manifest);
    } catch (const std::exception& e) {
      if (fixtures) {
        std::cerr << "conform replay: " << manifest.id << ": no usable mock fixtures: " << e.what()
                  << "\n";
        return kExitUsage;
      }
    }
    target.variables.merge(options.variables);
    targets[manifest.id] = std::move(target);
  }
  for (const auto& test_case : loaded.cases) {
    const auto defaults = loaded.defaults.find(test_case.file.parent_path());
    // Every case of a folder shares its defaults; a vendor's folder is one folder.
    if (defaults != loaded.defaults.end()) targets[test_case.vendor].defaults = &defaults->second;
  }

  options.run.target = server ? "mock" : options.target;
  options.run.interrupted = &g_interrupted;
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  const bool terminal = isatty(STDOUT_FILENO) != 0;
  std::cout << "replaying " << selected.size() << " of " << loaded.cases.size() << " cases against "
            << (server ? "the embedded mock at " + target_base : options.target) << " with "
            << options.run.jobs << (options.run.jobs == 1 ? " job" : " jobs") << "\n";
  std::cout.flush();
  const auto progress = [&](const CaseResult& result, std::size_t done, std::size_t total) {
    const bool bad = result.outcome == Outcome::failed || result.outcome == Outcome::error;
    if (terminal) {
      constexpr std::size_t kWidth = 24;
      const std::size_t filled = total ? done * kWidth / total : kWidth;
      std::cout << "\r\033[K[" << std::string(filled, '#') << std::string(kWidth - filled, '.')
                << "] " << done << "/" << total << " " << text::escape_for_terminal(result.vendor)
                << ": " << text::escape_for_terminal(result.name);
      if (bad || done == total) std::cout << "\r\033[K";
      std::cout.flush();
      if (!bad) return;
    }
    std::cout << outcome_label(result.outcome) << " " << text::escape_for_terminal(result.vendor)
              << ": " << text::escape_for_terminal(result.name) << " ("
              << format_ms(result.duration_ms) << ")\n";
    if (bad) print_case_detail(std::cout, result);
    std::cout.flush();
  };
  RunResult run;
  try {
    run = replay::run_cases(selected, targets, *catalog, options.run, progress);
  } catch (const std::exception& e) {
    std::cerr << "conform replay: the run stopped: " << e.what() << "\n";
    return kExitUsage;
  }
  if (server) server->stop();

  print_summary(std::cout, run);
  run.coverage = report::measure_coverage(run, catalog->vendors());
  try {
    report::write_reports(run, options.report_dir);
    std::cout << "reports: " << (options.report_dir / "report.html").string() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "conform replay: cannot write the reports: " << e.what() << "\n";
    return kExitUsage;
  }

  if (const Finding* problem = setup_problem(run, "transport")) {
    std::cerr << "conform replay: the target did not answer: " << problem->message
              << "\nCheck --target/--base, that the server runs and is reachable, and for HTTPS "
                 "--cacert or --insecure.\n";
    return kExitUsage;
  }
  if (const Finding* problem = setup_problem(run, "variable")) {
    std::cerr << "conform replay: " << problem->message
              << "\nLive targets read credentials from the environment variables each manifest's "
                 "auth.env names (conform vendors shows them); --fixtures uses the mock's.\n";
    return kExitUsage;
  }
  if (run.interrupted) return kExitUsage;
  for (const CaseResult& result : run.cases) {
    if (result.outcome == Outcome::failed || result.outcome == Outcome::error) return kExitFindings;
  }
  return kExitOk;
}

const CommandRegistration kRegistration{
    {"replay", "run case files against the embedded mock or a live target", run_replay}};

}  // namespace
}  // namespace conform::cli
