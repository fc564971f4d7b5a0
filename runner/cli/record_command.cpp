// `conform record`: replays case files like `conform replay` and stores every response as
// a snapshot file, the evidence `conform drift` and `conform infer` read.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/case_run_options.hpp"
#include "cli/command.hpp"
#include "cli/schemas_location.hpp"
#include "contracts/catalog.hpp"
#include "drift/recorder.hpp"
#include "http/url.hpp"
#include "mock/server.hpp"
#include "replay/case_loader.hpp"
#include "replay/profile.hpp"
#include "replay/run.hpp"
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

std::atomic<bool> g_interrupted{false};

extern "C" void on_record_interrupt(int) { g_interrupted = true; }

int usage_error(const std::string& message) {
  std::cerr << "conform record: " << message << "\nRun 'conform record --help' for the options.\n";
  return kExitUsage;
}

struct Options : CaseRunOptions {
  fs::path out;
};

std::optional<int> parse_options(const std::vector<std::string>& args, Options& options) {
  auto with_value = case_run_value_options();
  with_value.insert("--out");
  const Arguments parsed(args, with_value, case_run_flags());
  if (!parsed.error().empty()) return usage_error(parsed.error());
  if (parsed.flag("--help") || parsed.flag("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (auto problem = read_case_run_options(parsed, options)) return usage_error(*problem);
  const auto out = parsed.value("--out");
  if (!out || out->empty()) return usage_error("--out DIR is required: where the snapshots go");
  options.out = *out;
  // Read-backs run after a failed write too: a drifted response must not hide the next one.
  options.run.run_after_failure = true;
  return std::nullopt;
}

// Snapshot files of `vendor` from an earlier recording: replaced, so a deleted case leaves
// no stale snapshot behind. Only <vendor>/<case>/<n>.json files are touched.
void remove_old_snapshots(const fs::path& out, const std::string& vendor) {
  std::error_code error;
  for (fs::directory_iterator cases(out / vendor, error), end; !error && cases != end;
       cases.increment(error)) {
    if (!cases->is_directory()) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(cases->path(), error)) {
      const std::string stem = entry.path().stem().string();
      if (entry.path().extension() == ".json" && !stem.empty() &&
          std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        files.push_back(entry.path());
      }
    }
    for (const auto& file : files) fs::remove(file, error);
    fs::remove(cases->path(), error);  // only when now empty
  }
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

int run_record(const std::vector<std::string>& args) {
  Options options;
  if (const auto exit = parse_options(args, options)) return *exit;

  const fs::path schemas_dir = schemas_location(options.schemas);
  std::shared_ptr<contracts::Catalog> catalog;
  try {
    catalog = contracts::Catalog::load(schemas_dir);
  } catch (const std::exception& e) {
    std::cerr << "conform record: cannot load the vendor contracts: " << e.what() << "\n";
    return kExitUsage;
  }
  const fs::path cases_dir = schemas_dir.parent_path() / "cases";
  if (options.paths.empty()) options.paths.push_back(cases_dir);
  std::unique_ptr<replay::CaseLoader> loader;
  try {
    loader = std::make_unique<replay::CaseLoader>(catalog->registry(), cases_dir);
  } catch (const std::exception& e) {
    std::cerr << "conform record: cannot load the case-file schema from " << cases_dir.string()
              << ": " << e.what() << "\n";
    return kExitUsage;
  }
  Findings problems;
  const auto files = replay::discover_case_files(options.paths, problems);
  std::vector<replay::Case> cases;
  std::map<fs::path, replay::VendorDefaults> defaults;
  for (const auto& file : files) {
    auto loaded = loader->load_case(file);
    if (!loaded.value) {
      for (const Finding& finding : loaded.findings) {
        problems.push_back(finding);
        problems.back().message =
            file.string() + ":" + std::to_string(finding.line) + ": " + finding.message;
      }
      continue;
    }
    if (!catalog->find(loaded.value->vendor)) {
      Finding finding;
      finding.message = file.string() + ": no vendor \"" + loaded.value->vendor + "\" in " +
                        catalog->schemas_dir().string();
      problems.push_back(std::move(finding));
      continue;
    }
    const fs::path folder = file.parent_path();
    if (!defaults.count(folder) && fs::is_regular_file(folder / "defaults.json")) {
      auto loaded_defaults = loader->load_defaults(folder / "defaults.json");
      defaults[folder] =
          loaded_defaults.value ? std::move(*loaded_defaults.value) : replay::VendorDefaults{};
    }
    cases.push_back(std::move(*loaded.value));
  }
  if (!problems.empty()) {
    for (const Finding& problem : problems) std::cerr << "error: " << problem.message << "\n";
    std::cerr << "conform record: fix the case files above (conform replay shows them in "
                 "detail); nothing was sent.\n";
    return kExitUsage;
  }
  std::vector<const replay::Case*> selected;
  for (const auto& test_case : cases) {
    if (replay::selected(test_case, options.selection)) selected.push_back(&test_case);
  }

  // The embedded mock runs only for vendors without their own --base.
  const bool mock_needed =
      options.target == "mock" &&
      std::any_of(selected.begin(), selected.end(),
                  [&](const replay::Case* c) { return !options.bases.count(c->vendor); });
  std::unique_ptr<mock::MockServer> server;
  if (mock_needed) {
    mock::MockOptions mock_options;
    mock_options.profile = options.mock_profile;
    try {
      server = std::make_unique<mock::MockServer>(catalog, mock_options);
      server->start();
    } catch (const std::exception& e) {
      std::cerr << "conform record: cannot start the embedded mock: " << e.what() << "\n";
      return kExitUsage;
    }
  }
  std::map<std::string, replay::VendorTarget> targets;
  std::map<std::string, std::string> base_urls;
  for (const auto& manifest : catalog->vendors()) {
    replay::VendorTarget target;
    target.manifest = &manifest;
    if (const auto base = options.bases.find(manifest.id); base != options.bases.end()) {
      target.base_url = base->second;
    } else if (server) {
      target.base_url = server->base_url() + server->mount_point(manifest.id);
    } else {
      target.base_url = http::join_url(options.target, manifest.id);
    }
    const bool fixtures = (server && !options.bases.count(manifest.id)) || options.fixtures;
    target.live = !fixtures;
    try {
      target.variables =
          fixtures ? replay::mock_profile(manifest) : replay::environment_profile(manifest);
    } catch (const std::exception& e) {
      if (fixtures) {
        std::cerr << "conform record: " << manifest.id << ": no usable mock fixtures: " << e.what()
                  << "\n";
        return kExitUsage;
      }
    }
    target.variables.merge(options.variables);
    base_urls[manifest.id] = target.base_url;
    targets[manifest.id] = std::move(target);
  }
  for (const auto& test_case : cases) {
    const auto found = defaults.find(test_case.file.parent_path());
    if (found != defaults.end()) targets[test_case.vendor].defaults = &found->second;
  }

  options.run.target = server ? "mock" : options.target;
  options.run.interrupted = &g_interrupted;
  struct sigaction action {};
  action.sa_handler = on_record_interrupt;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  std::cout << "recording " << selected.size() << " cases against "
            << target_description(selected, options, server != nullptr) << "\n";
  std::cout.flush();
  RunResult run;
  try {
    run = replay::run_cases(selected, targets, *catalog, options.run);
  } catch (const std::exception& e) {
    std::cerr << "conform record: the run stopped: " << e.what() << "\n";
    return kExitUsage;
  }
  if (server) server->stop();
  if (run.interrupted) {
    std::cerr << "conform record: interrupted; nothing was written.\n";
    return kExitUsage;
  }

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
    std::cerr << "conform record: no response was recorded: " << transport->message
              << "\nCheck --target/--base and the credentials (conform vendors names their "
                 "environment variables).\n";
    return kExitUsage;
  }
  try {
    std::set<std::string> vendors;
    for (const auto* test_case : selected) vendors.insert(test_case->vendor);
    for (const auto& vendor : vendors) {
      remove_old_snapshots(options.out, vendor);
      // The vendor's folder stays even when no step got a response: drift --baseline then
      // knows the vendor was recorded and reports the snapshots it lacks.
      fs::create_directories(options.out / vendor);
    }
    drift::write_snapshots(snapshots, options.out);
  } catch (const std::exception& e) {
    std::cerr << "conform record: cannot write the snapshots: " << e.what() << "\n";
    return kExitUsage;
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
    {"record", "replay cases and store every response as a snapshot for drift", run_record}};

}  // namespace
}  // namespace conform::cli
