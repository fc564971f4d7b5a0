// run_setup: what `conform replay` and `conform record` do before the first request: load
// the case files with their folders' defaults, start the embedded mock where a vendor has no
// endpoint of its own, say where each vendor lives and with which credentials, and let
// Ctrl-C stop the run between requests.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "contracts/catalog.hpp"
#include "mock/server.hpp"
#include "replay/case_loader.hpp"
#include "replay/executor.hpp"
#include "replay/variables.hpp"

namespace conform::replay {

// The run cannot start: the mock does not start, or a vendor's mock fixtures are unusable.
class SetupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file that did not load: its findings point into `source`.
struct BrokenFile {
  std::filesystem::path file;
  Findings findings;
  std::string source;
};

struct CaseSet {
  std::vector<Case> cases;
  std::map<std::filesystem::path, VendorDefaults> defaults;  // by case folder
  Findings missing;                                          // paths that do not exist
  std::vector<BrokenFile> broken;           // case files that do not load or name no known vendor
  std::vector<BrokenFile> broken_defaults;  // defaults.json files that do not load
};

// Every case file under `paths` (discover_case_files), with its folder's defaults.json. A
// case whose vendor the catalog lacks is broken, with a finding at its "vendor" member.
CaseSet load_case_set(const std::vector<std::filesystem::path>& paths, const CaseLoader& loader,
                      const contracts::Catalog& catalog);

struct TargetOptions {
  std::string target = "mock";               // "mock", or a URL with each vendor under /<id>
  std::map<std::string, std::string> bases;  // vendor id -> its own endpoint root
  bool fixtures = false;                     // the mock's credentials with a URL target too
  Variables variables;                       // over every vendor's profile
  std::string mock_profile = "default";
};

struct RunTargets {
  std::unique_ptr<mock::MockServer> server;     // the embedded mock, when started
  std::map<std::string, VendorTarget> targets;  // by vendor id
};

// Starts the embedded mock when `start_mock` (on a free loopback port) and describes every
// vendor of the catalog: its base URL (--base, else the mock, else the target URL) and its
// variables (the mock's fixtures where the mock or --fixtures answers, else the
// environment). Each target gets the defaults of its vendor's case folder. Throws SetupError.
RunTargets set_up_targets(const std::shared_ptr<contracts::Catalog>& catalog,
                          const TargetOptions& options, bool start_mock, const CaseSet& cases);

// Makes SIGINT and SIGTERM set the returned flag (RunOptions::interrupted) instead of
// ending the process, so a run stops between requests and still reports.
const std::atomic<bool>* interrupt_on_signals();

}  // namespace conform::replay
