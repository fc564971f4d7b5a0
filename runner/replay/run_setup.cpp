#include "replay/run_setup.hpp"

#include <signal.h>

#include <algorithm>

#include "http/url.hpp"
#include "replay/profile.hpp"

namespace conform::replay {
namespace fs = std::filesystem;
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void on_interrupt(int) { g_interrupted = true; }

// "no vendor" at the case file's "vendor" member, so the renderer can quote the line.
Finding unknown_vendor(const Loaded<Case>& loaded, const contracts::Catalog& catalog) {
  Finding finding;
  finding.pointer = "/vendor";
  finding.keyword = "vendor";
  finding.message =
      "no vendor \"" + loaded.value->vendor + "\" in " + catalog.schemas_dir().string();
  const std::string& source = loaded.source;
  const auto at = source.find("\"vendor\"");
  if (at != std::string::npos) {
    finding.line = 1 + static_cast<int>(std::count(source.begin(),
                                                   source.begin() + static_cast<long>(at), '\n'));
    const auto line_start = source.rfind('\n', at);
    finding.column =
        static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
    finding.length = 8;
  }
  return finding;
}

}  // namespace

CaseSet load_case_set(const std::vector<fs::path>& paths, const CaseLoader& loader,
                      const contracts::Catalog& catalog) {
  CaseSet out;
  const auto files = discover_case_files(paths, out.missing);
  for (const auto& file : files) {
    auto loaded = loader.load_case(file);
    if (!loaded.value) {
      out.broken.push_back({file, std::move(loaded.findings), std::move(loaded.source)});
      continue;
    }
    if (!catalog.find(loaded.value->vendor)) {
      out.broken.push_back({file, {unknown_vendor(loaded, catalog)}, std::move(loaded.source)});
      continue;
    }
    const fs::path folder = file.parent_path();
    if (!out.defaults.count(folder) && fs::is_regular_file(folder / "defaults.json")) {
      auto defaults = loader.load_defaults(folder / "defaults.json");
      if (!defaults.value) {
        out.broken_defaults.push_back(
            {folder / "defaults.json", std::move(defaults.findings), std::move(defaults.source)});
        out.defaults[folder] = {};
      } else {
        out.defaults[folder] = std::move(*defaults.value);
      }
    }
    out.cases.push_back(std::move(*loaded.value));
  }
  return out;
}

RunTargets set_up_targets(const std::shared_ptr<contracts::Catalog>& catalog,
                          const TargetOptions& options, bool start_mock, const CaseSet& cases) {
  RunTargets out;
  if (start_mock) {
    mock::MockOptions mock_options;
    mock_options.profile = options.mock_profile;
    try {
      out.server = std::make_unique<mock::MockServer>(catalog, mock_options);
      out.server->start();
    } catch (const std::exception& e) {
      throw SetupError(std::string("cannot start the embedded mock: ") + e.what());
    }
  }
  for (const auto& manifest : catalog->vendors()) {
    VendorTarget target;
    target.manifest = &manifest;
    const bool own_base = options.bases.count(manifest.id) > 0;
    if (own_base) {
      target.base_url = options.bases.at(manifest.id);
    } else if (out.server) {
      target.base_url = out.server->base_url() + out.server->mount_point(manifest.id);
    } else {
      target.base_url = http::join_url(options.target, manifest.id);
    }
    const bool fixtures = (out.server && !own_base) || options.fixtures;
    target.live = !fixtures;
    try {
      target.variables = fixtures ? mock_profile(manifest) : environment_profile(manifest);
    } catch (const std::exception& e) {
      // A live vendor's missing credentials surface per step, as unset variables.
      if (fixtures) {
        throw SetupError(manifest.id + ": no usable mock fixtures: " + e.what());
      }
    }
    target.variables.merge(options.variables);
    out.targets[manifest.id] = std::move(target);
  }
  for (const auto& test_case : cases.cases) {
    const auto defaults = cases.defaults.find(test_case.file.parent_path());
    // Every case of a folder shares its defaults; a vendor's folder is one folder.
    if (defaults != cases.defaults.end()) {
      out.targets[test_case.vendor].defaults = &defaults->second;
    }
  }
  return out;
}

const std::atomic<bool>* interrupt_on_signals() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  return &g_interrupted;
}

}  // namespace conform::replay
