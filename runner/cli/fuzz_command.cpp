// `conform fuzz`: requests generated from the contracts, sent to the embedded mock or a
// live target, every answer checked; each distinct problem shrunk and reported once.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/case_run_options.hpp"
#include "cli/command.hpp"
#include "cli/fuzz_output.hpp"
#include "contracts/catalog.hpp"
#include "fuzz/run_result.hpp"
#include "fuzz/saved_cases.hpp"
#include "fuzz/session.hpp"
#include "fuzz/target.hpp"
#include "http/curl_reproducer.hpp"
#include "replay/run_setup.hpp"
#include "text/terminal.hpp"

namespace conform::cli {
namespace {
namespace fs = std::filesystem;
using fuzz::FuzzOutcome;
using fuzz::FuzzSettings;
using fuzz::FuzzTarget;

constexpr const char* kUsage =
    "usage: conform fuzz [VENDOR]... [--target mock|URL] [--seed N] [--examples N]\n"
    "                    [--example I] [--max-time S] [--rate R] [--jobs N]\n"
    "                    [--save-failures DIR] [--dry-run] [--report-dir DIR]\n"
    "                    [--mock-profile NAME] [--fixtures] [--timeout MS] [--retries N]\n"
    "\n"
    "Generates requests from each vendor's request schema (every property, enum value,\n"
    "boundary and format edge form, then single violations: each keyword, a wrong type, an\n"
    "undocumented and a near-miss member), sends them, and checks every answer: a valid\n"
    "request gets a documented success status and a body that validates, an invalid one a\n"
    "documented 4xx in the vendor's envelope; never a 5xx, a timeout or a malformed body.\n"
    "A 2xx for an invalid request is a warning: the vendor accepts what the contract forbids.\n"
    "Each distinct problem is shrunk (fewest members) and printed once, with a command that\n"
    "replays it.\n"
    "\n"
    "options:\n"
    "  VENDOR              the vendors to fuzz (default: every vendor)\n"
    "  --target mock|URL   mock (default): the embedded mock on a free loopback port; URL: a\n"
    "                      server with each vendor under /<id>, credentials from the\n"
    "                      environment variables each manifest's auth.env names\n"
    "  --fixtures          use the mock's test credentials with a URL target too\n"
    "  --var K=V, --secret-var K=V, --vars-file FILE\n"
    "                      variables, as conform replay takes them (a live target's\n"
    "                      ${user_id}, say); a secret one's value is masked everywhere\n"
    "  --mock-profile NAME the embedded mock's profile: default or drifted\n"
    "  --seed N            the seed (default: a random one, printed); the same seed and\n"
    "                      contracts give byte-identical requests\n"
    "  --examples N        examples per vendor (default 100, at most 10000000)\n"
    "  --example I         send only example I (the reproduce command of a problem)\n"
    "  --max-time S        stop starting new examples after S seconds (at most 86400)\n"
    "  --rate R            at most R requests per second, all workers together\n"
    "  --jobs N            requests in parallel (default 1)\n"
    "  --timeout MS        the most one attempt may take (default 10000)\n"
    "  --retries N         further attempts after connection errors, 429 and 503 (default\n"
    "                      0: a fault is a failure of its exchange)\n"
    "  --save-failures DIR write each problem, shrunk, as a case file (conform replay DIR)\n"
    "  --dry-run           print the requests as NDJSON, one case per line; send nothing\n"
    "  --report-dir DIR    write junit.xml, report.json, report.html, summary.md and\n"
    "                      report.tap: each problem once, and what the examples covered\n"
    "  --schemas DIR       the vendor contracts (default: the installed schemas/)\n"
    "  -h, --help          show this help\n"
    "\n"
    "exit status: 0 no failure (warnings allowed); 1 an exchange failed; 2 bad arguments,\n"
    "an unknown vendor, or a target that never answered.\n"
    "\n"
    "example:\n"
    "  conform fuzz --examples 1000 --seed 7\n"
    "  conform fuzz VENDOR --seed 7 --example 12\n";

constexpr std::uint64_t kMaxExamples = 10000000;
constexpr long kMaxSeconds = 86400;

std::uint64_t whole(const Arguments& parsed, const char* name, std::uint64_t fallback,
                    std::uint64_t max, const char* what) {
  const auto text = parsed.value(name);
  if (!text) return fallback;
  unsigned long long value = 0;
  if (!parse_whole(*text, max, value)) throw UsageError(std::string(name) + " takes " + what);
  return value;
}

std::vector<Option> fuzz_options() {
  std::vector<Option> out;
  for (const Option& option : case_run_options()) {
    const std::string name = option.name;
    if (name != "--tag" && name != "--exclude-tag" && name != "--base") out.push_back(option);
  }
  return with(out, {{"--seed", "N"},
                    {"--examples", "N"},
                    {"--example", "I"},
                    {"--max-time", "S"},
                    {"--rate", "R"},
                    {"--save-failures", "DIR"},
                    {"--report-dir", "DIR"},
                    {"--dry-run"}});
}

int run_fuzz_command(const Arguments& parsed) {
  CaseRunOptions options;
  read_case_run_options(parsed, options);
  if (!parsed.value("--retries")) options.run.client.retries = 0;
  FuzzSettings settings;
  settings.seed =
      parsed.value("--seed")
          ? whole(parsed, "--seed", 0, ~0ull, "a whole number")
          : (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
  settings.examples =
      whole(parsed, "--examples", 100, kMaxExamples, "a whole number from 0 to 10000000");
  if (parsed.value("--example")) {
    settings.only_example = whole(parsed, "--example", 0, kMaxExamples, "an example number");
  }
  if (parsed.value("--max-time")) {
    const auto seconds = whole(parsed, "--max-time", 0, kMaxSeconds, "seconds, from 1 to 86400");
    if (seconds == 0) throw UsageError("--max-time takes seconds, from 1 to 86400");
    options.run.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  }
  if (parsed.value("--rate")) {
    const auto rate = whole(parsed, "--rate", 0, 100000, "requests per second, from 1 to 100000");
    if (rate == 0) throw UsageError("--rate takes requests per second, from 1 to 100000");
    options.run.requests_per_second = static_cast<double>(rate);
  }

  const auto catalog = load_catalog(parsed);
  const std::vector<std::string>& vendors = parsed.positional();
  for (const std::string& vendor : vendors) {
    if (!catalog->find(vendor)) {
      throw UsageError("unknown vendor \"" + text::escape_for_terminal(vendor) + "\"");
    }
  }
  std::vector<FuzzTarget> targets;
  for (const auto& manifest : catalog->vendors()) {
    const bool chosen =
        vendors.empty() || std::find(vendors.begin(), vendors.end(), manifest.id) != vendors.end();
    if (!chosen) continue;
    try {
      targets.push_back(fuzz::fuzz_target(*catalog, manifest, settings.seed));
    } catch (const fuzz::FuzzError& e) {
      throw CannotRun(e.what());
    }
  }
  std::vector<const FuzzTarget*> chosen;
  for (const FuzzTarget& target : targets) chosen.push_back(&target);

  if (parsed.flag("--dry-run")) {
    print_dry_run(std::cout, chosen, settings);
    return kExitOk;
  }

  replay::RunTargets run_targets;
  try {
    run_targets = replay::set_up_targets(catalog, options, options.target == "mock", {});
  } catch (const replay::SetupError& e) {
    throw CannotRun(e.what());
  }
  const auto defaults = load_vendor_defaults(*catalog);
  for (auto& [id, target] : run_targets.targets) {
    if (const auto found = defaults.find(id); found != defaults.end())
      target.defaults = &found->second;
  }
  settings.run = options.run;
  // A read-back after a failed update still shows what the vendor stored.
  settings.run.run_after_failure = true;
  settings.run.target = run_targets.server ? "mock" : options.target;
  settings.run.interrupted = replay::interrupt_on_signals();

  ReproduceCommand reproduce{settings.seed, options.target, options.mock_profile, options.fixtures,
                             ""};
  if (const auto file = parsed.value("--vars-file")) {
    reproduce.variables += " --vars-file " + http::shell_quote(*file);
  }
  for (const std::string& assignment : parsed.values("--var")) {
    reproduce.variables += " --var " + http::shell_quote(assignment);
  }
  for (const std::string& assignment : parsed.values("--secret-var")) {
    reproduce.variables +=
        " --secret-var " + http::shell_quote(assignment.substr(0, assignment.find('=')) + "=...");
  }
  std::cout << "fuzzing " << chosen.size() << (chosen.size() == 1 ? " vendor" : " vendors")
            << " against "
            << (run_targets.server ? "the embedded mock at " + run_targets.server->base_url()
                                   : text::escape_for_terminal(options.target))
            << ": "
            << (settings.only_example ? "example " + std::to_string(*settings.only_example)
                                      : std::to_string(settings.examples) + " examples each")
            << ", seed " << settings.seed << "\n";
  std::cout.flush();
  FuzzOutcome outcome;
  try {
    outcome = fuzz::run_fuzz(chosen, run_targets.targets, *catalog, settings);
  } catch (const std::exception& e) {
    throw CannotRun(std::string("the run stopped: ") + e.what());
  }
  if (run_targets.server) run_targets.server->stop();

  print_problems(std::cout, outcome, reproduce);
  print_fuzz_summary(std::cout, outcome, chosen, settings.seed);
  if (const auto dir = parsed.value("--save-failures")) {
    try {
      fuzz::save_failures(outcome, chosen, *dir);
    } catch (const fuzz::FuzzError& e) {
      throw CannotRun(e.what());
    }
    std::cout << "saved " << outcome.problems.size() << " case file"
              << (outcome.problems.size() == 1 ? "" : "s") << " in "
              << text::escape_for_terminal(*dir) << "\n";
  }
  if (const auto dir = parsed.value("--report-dir")) {
    const auto line = [&](const std::string& vendor, std::uint64_t example) {
      return reproduce.line(vendor, example);
    };
    write_reports(fuzz::fuzz_run_result(outcome, chosen, settings.run.target, line), *dir);
    std::cout << "reports: " << text::escape_for_terminal((fs::path(*dir) / "report.html").string())
              << "\n";
  }
  return fuzz_exit_code(outcome);
}

const CommandRegistration kRegistration{
    {"fuzz", "send requests generated from the contracts and check every answer", kUsage,
     fuzz_options(), run_fuzz_command}};

}  // namespace
}  // namespace conform::cli
