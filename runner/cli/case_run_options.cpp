#include "cli/case_run_options.hpp"

#include "cli/command.hpp"
#include "cli/limits_option.hpp"
#include "http/url.hpp"

namespace conform::cli {
namespace {

constexpr long kMaxJobs = 1024;
constexpr long kMaxTimeoutMs = 600000;
constexpr long kMaxRetries = 10;
constexpr long kMaxRequestsPerSecond = 100000;

}  // namespace

std::filesystem::path cases_location(const contracts::Catalog& catalog) {
  return catalog.schemas_dir().parent_path() / "cases";
}

std::unique_ptr<replay::CaseLoader> load_case_loader(const contracts::Catalog& catalog) {
  const std::filesystem::path cases_dir = cases_location(catalog);
  try {
    return std::make_unique<replay::CaseLoader>(catalog.registry(), cases_dir);
  } catch (const std::exception& e) {
    throw CannotRun("cannot load the case-file schema from " + cases_dir.string() + ": " +
                    e.what());
  }
}

replay::CaseSet load_cases(const CaseRunOptions& options, const contracts::Catalog& catalog) {
  const auto loader = load_case_loader(catalog);
  std::vector<std::filesystem::path> paths = options.paths;
  if (paths.empty()) paths.push_back(cases_location(catalog));
  return replay::load_case_set(paths, *loader, catalog);
}

RunResult run_selected_cases(const std::vector<const replay::Case*>& selected,
                             const std::map<std::string, replay::VendorTarget>& targets,
                             const contracts::Catalog& catalog, const replay::RunOptions& options,
                             const replay::Progress& progress) {
  try {
    return replay::run_cases(selected, targets, catalog, options, progress);
  } catch (const std::exception& e) {
    throw CannotRun(std::string("the run stopped: ") + e.what());
  }
}

std::vector<const replay::Case*> selected_cases(const replay::CaseSet& cases,
                                                const CaseRunOptions& options) {
  std::vector<const replay::Case*> selected;
  for (const auto& test_case : cases.cases) {
    if (replay::selected(test_case, options.selection)) selected.push_back(&test_case);
  }
  return selected;
}

std::vector<Option> case_run_options() {
  return {{"--target", "mock|URL"},
          {"--base", "ID=URL"},
          {"--var", "K=V"},
          {"--secret-var", "K=V"},
          {"--vars-file", "FILE"},
          {"--tag", "T"},
          {"--exclude-tag", "T"},
          {"--jobs", "N"},
          {"--cacert", "FILE"},
          {"--timeout", "MS"},
          {"--retries", "N"},
          {"--rps", "N"},
          {"--mock-profile", "default|drifted"},
          {"--schemas", "DIR"},
          {"--limit", "body-bytes=SIZE"},
          {"--insecure"},
          {"--fixtures"}};
}

void read_case_run_options(const Arguments& parsed, CaseRunOptions& options) {
  for (const auto& path : parsed.positional()) options.paths.emplace_back(path);
  if (auto target = parsed.value("--target")) {
    if (*target != "mock" && !http::parse_url(*target)) {
      throw UsageError("--target takes mock or an http(s) URL, not \"" + *target + "\"");
    }
    options.target = *target;
  }
  for (const auto& base : parsed.values("--base")) {
    std::string id, url;
    if (!replay::parse_assignment(base, id, url) || !http::parse_url(url)) {
      throw UsageError("--base takes ID=URL (acme=https://host), not \"" + base + "\"");
    }
    options.bases[id] = url;
  }
  options.fixtures = parsed.flag("--fixtures");
  if (auto file = parsed.value("--vars-file")) {
    const Findings problems = replay::read_vars_file(*file, options.variables);
    if (!problems.empty()) {
      const Finding& first = problems.front();
      throw UsageError(*file + (first.line ? ":" + std::to_string(first.line) : "") + ": " +
                       first.message);
    }
  }
  for (const auto* option : {"--var", "--secret-var"}) {
    for (const auto& assignment : parsed.values(option)) {
      std::string name, value;
      if (!replay::parse_assignment(assignment, name, value)) {
        throw UsageError(std::string(option) + " takes NAME=VALUE, not \"" + assignment + "\"");
      }
      options.variables.set(name, value, std::string(option) == "--secret-var");
    }
  }
  options.selection.tags = parsed.values("--tag");
  options.selection.exclude_tags = parsed.values("--exclude-tag");
  const auto count = [&](const char* name, long fallback, bool zero_ok) -> std::optional<long> {
    const auto text = parsed.value(name);
    if (!text) return fallback;
    if (zero_ok && *text == "0") return 0;
    return parse_count(*text);
  };
  const auto jobs = count("--jobs", 1, false);
  const auto timeout = count("--timeout", 10000, false);
  const auto retries = count("--retries", 2, true);
  const auto rps = count("--rps", 0, true);
  // Upper bounds a maintainer can defend: beyond them a typo would hang a CI job for hours.
  if (!jobs || *jobs > kMaxJobs) throw UsageError("--jobs takes a whole number from 1 to 1024");
  if (!timeout || *timeout > kMaxTimeoutMs) {
    throw UsageError("--timeout takes milliseconds, from 1 to 600000 (10 minutes)");
  }
  if (!retries || *retries > kMaxRetries)
    throw UsageError("--retries takes a whole number from 0 to 10");
  if (!rps || *rps > kMaxRequestsPerSecond) {
    throw UsageError("--rps takes a whole number of requests per second, at most 100000");
  }
  codec::Limits limits;
  for (const auto& assignment : parsed.values("--limit")) {
    if (const std::string problem = apply_limit(assignment, limits); !problem.empty()) {
      throw UsageError(problem);
    }
  }
  options.run.client.max_response_bytes = limits.max_bytes;
  options.run.jobs = static_cast<int>(*jobs);
  options.run.client.connect_timeout_ms = static_cast<int>(*timeout);
  options.run.client.read_timeout_ms = static_cast<int>(*timeout);
  options.run.client.exchange_timeout_ms = static_cast<int>(*timeout);
  options.run.client.retries = static_cast<int>(*retries);
  options.run.requests_per_second = static_cast<double>(*rps);
  if (auto cacert = parsed.value("--cacert")) {
    if (!std::filesystem::is_regular_file(*cacert))
      throw UsageError("--cacert: no such file " + *cacert);
    options.run.client.ca_cert_file = *cacert;
  }
  options.run.client.insecure = parsed.flag("--insecure");
  if (auto profile = parsed.value("--mock-profile")) options.mock_profile = *profile;
}

}  // namespace conform::cli
