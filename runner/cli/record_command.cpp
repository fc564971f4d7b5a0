// `conform record`: replays case files like `conform replay` and stores every response as
// a snapshot file, the evidence `conform drift` and `conform infer` read.

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/case_run_options.hpp"
#include "cli/command.hpp"
#include "contracts/catalog.hpp"
#include "drift/recorder.hpp"
#include "drift/recording_layout.hpp"
#include "http/url.hpp"
#include "replay/run.hpp"
#include "replay/run_setup.hpp"
#include "replay/selection.hpp"

namespace conform::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: conform record [FILE|DIR]... --out DIR [--target mock|URL] [--base ID=URL]...\n"
    "                      [--mock-profile NAME] [--fixtures] [--var K=V]... [--secret-var "
    "K=V]...\n"
    "                      [--vars-file F] [--tag T]... [--exclude-tag T]... [--jobs N]\n"
    "                      [--timeout MS] [--retries N] [--rps N] [--cacert F] [--insecure]\n"
    "\n"
    "Replays case files (default: the cases/ folder beside the schemas) and stores every\n"
    "response as DIR/<vendor>/<case>/<step>.json: status, the headers that matter, the body,\n"
    "secrets redacted. Every step runs even after a failed one. Check the recording with\n"
    "`conform drift DIR`; keep it in git to see what a vendor changed.\n"
    "\n"
    "options:\n"
    "  --out DIR           where the snapshots go (required); earlier snapshots of the\n"
    "                      recorded vendors are replaced\n"
    "  --target mock|URL   mock (default): the embedded mock; URL: a server with each vendor\n"
    "                      under /<id>, credentials from the manifests' auth.env variables\n"
    "  --base ID=URL       vendor ID's endpoint root (repeatable): the live API\n"
    "  --mock-profile NAME the embedded mock's profile: default or drifted\n"
    "  --fixtures          use the mock's test credentials with a URL target too\n"
    "  --var K=V, --secret-var K=V, --vars-file F, --tag T, --exclude-tag T, --jobs N,\n"
    "  --timeout MS, --retries N, --rps N, --limit body-bytes=SIZE, --cacert F, --insecure,\n"
    "  --schemas DIR\n"
    "                      as for `conform replay`\n"
    "  -h, --help          show this help\n"
    "\n"
    "exit status: 0 every step recorded; 1 some steps got no response (the others are\n"
    "written); 2 bad arguments, a broken case file or nothing answered.\n"
    "\n"
    "example:\n"
    "  conform record cases/ --out snapshots\n"
    "  conform record cases/VENDOR --out snapshots --base VENDOR=https://sandbox.example.com\n";

struct Options : CaseRunOptions {
  fs::path out;
};

Options read_options(const Arguments& parsed) {
  Options options;
  read_case_run_options(parsed, options);
  const auto out = parsed.value("--out");
  if (!out || out->empty()) throw UsageError("--out DIR is required: where the snapshots go");
  options.out = *out;
  // Read-backs run after a failed write too: a drifted response must not hide the next one.
  options.run.run_after_failure = true;
  return options;
}

// Where the selected cases go, as the user named it: "the embedded mock (profile P)", a
// URL, or one "vendor URL" per vendor when they differ.
std::string target_description(const std::vector<const replay::Case*>& selected,
                               const Options& options, bool mock) {
  std::map<std::string, std::string> by_vendor;
  for (const replay::Case* test_case : selected) {
    const std::string& vendor = test_case->vendor;
    if (const auto base = options.bases.find(vendor); base != options.bases.end()) {
      by_vendor[vendor] = base->second;
    } else if (mock) {
      by_vendor[vendor] = "the embedded mock (profile " + options.mock_profile + ")";
    } else {
      by_vendor[vendor] = http::join_url(options.target, vendor);
    }
  }
  std::set<std::string> targets;
  for (const auto& [vendor, target] : by_vendor) targets.insert(target);
  if (targets.size() == 1) return *targets.begin();
  std::string out;
  for (const auto& [vendor, target] : by_vendor) {
    out += (out.empty() ? "" : ", ") + vendor + " at " + target;
  }
  return out;
}

int run_record(const Arguments& parsed) {
  Options options = read_options(parsed);
  const auto catalog = load_catalog(parsed);
  // A broken defaults.json counts as empty here; `conform replay` shows it in detail.
  const replay::CaseSet cases = load_cases(options, *catalog);
  Findings problems = cases.missing;
  for (const auto& broken : cases.broken) {
    for (const Finding& finding : broken.findings) {
      problems.push_back(finding);
      problems.back().message =
          broken.file.string() + ":" + std::to_string(finding.line) + ": " + finding.message;
    }
  }
  if (!problems.empty()) {
    for (const Finding& problem : problems) std::cerr << "error: " << problem.message << "\n";
    throw CannotRun(
        "fix the case files above (conform replay shows them in detail); nothing was sent.");
  }
  const std::vector<const replay::Case*> selected = selected_cases(cases, options);

  // The embedded mock runs only for vendors without their own --base.
  const bool mock_needed =
      options.target == "mock" &&
      std::any_of(selected.begin(), selected.end(),
                  [&](const replay::Case* c) { return !options.bases.count(c->vendor); });
  replay::RunTargets targets;
  try {
    targets = replay::set_up_targets(catalog, options, mock_needed, cases);
  } catch (const replay::SetupError& e) {
    throw CannotRun(e.what());
  }
  std::map<std::string, std::string> base_urls;
  for (const auto& [id, target] : targets.targets) base_urls[id] = target.base_url;

  options.run.target = targets.server ? "mock" : options.target;
  options.run.interrupted = replay::interrupt_on_signals();
  std::cout << "recording " << selected.size() << " cases against "
            << target_description(selected, options, targets.server != nullptr) << "\n";
  std::cout.flush();
  RunResult run = run_selected_cases(selected, targets.targets, *catalog, options.run);
  if (targets.server) targets.server->stop();
  if (run.interrupted) throw CannotRun("interrupted; nothing was written.");

  std::size_t unanswered = 0;
  const Finding* transport = nullptr;
  for (const CaseResult& result : run.cases) {
    for (const StepResult& step : result.steps) {
      if (step.exchange.status != 0 || step.outcome != Outcome::error) continue;
      ++unanswered;
      for (const Finding& finding : step.findings) {
        if (!transport && (finding.keyword == "transport" || finding.keyword == "variable")) {
          transport = &finding;
        }
      }
    }
  }
  const auto snapshots = drift::snapshots_of(run.cases, selected, base_urls);
  if (snapshots.empty() && transport) {
    throw CannotRun("no response was recorded: " + transport->message +
                    "\nCheck --target/--base and the credentials (conform vendors names their "
                    "environment variables).");
  }
  std::set<std::string> vendors;
  for (const auto* test_case : selected) vendors.insert(test_case->vendor);
  try {
    drift::replace_recording(options.out, vendors, snapshots);
  } catch (const std::exception& e) {
    throw CannotRun(std::string("cannot write the snapshots: ") + e.what());
  }
  std::cout << "recorded " << snapshots.size() << " responses from " << selected.size()
            << " cases to " << options.out.string() << "\n";
  if (unanswered) {
    std::cerr << "conform record: " << unanswered << " steps got no response"
              << (transport ? " (" + transport->message + ")" : std::string())
              << "; their snapshots are missing. Check --target/--base and the credentials "
                 "(conform vendors names their environment variables).\n";
    return kExitFindings;
  }
  return kExitOk;
}

const CommandRegistration kRegistration{
    {"record", "replay cases and store every response as a snapshot for drift", kUsage,
     with(case_run_options(), {{"--out", "DIR"}}), run_record}};

}  // namespace
}  // namespace conform::cli
