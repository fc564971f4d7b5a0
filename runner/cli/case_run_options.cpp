#include "cli/case_run_options.hpp"

#include "cli/limits_option.hpp"
#include "http/url.hpp"

namespace conform::cli {
namespace {

constexpr long kMaxJobs = 1024;
constexpr long kMaxTimeoutMs = 600000;
constexpr long kMaxRetries = 10;
constexpr long kMaxRequestsPerSecond = 100000;

}  // namespace

std::set<std::string> case_run_value_options() {
  return {"--target",  "--base",        "--var",          "--secret-var", "--vars-file",
          "--tag",     "--exclude-tag", "--jobs",         "--cacert",     "--timeout",
          "--retries", "--rps",         "--mock-profile", "--schemas",    "--limit"};
}

std::set<std::string> case_run_flags() { return {"--insecure", "--fixtures", "--help", "-h"}; }

std::optional<std::string> read_case_run_options(const Arguments& parsed, CaseRunOptions& options) {
  for (const auto& path : parsed.positional()) options.paths.emplace_back(path);
  if (auto target = parsed.value("--target")) {
    if (*target != "mock" && !http::parse_url(*target)) {
      return "--target takes mock or an http(s) URL, not \"" + *target + "\"";
    }
    options.target = *target;
  }
  for (const auto& base : parsed.values("--base")) {
    std::string id, url;
    if (!replay::parse_assignment(base, id, url) || !http::parse_url(url)) {
      return "--base takes ID=URL (acme=https://host), not \"" + base + "\"";
    }
    options.bases[id] = url;
  }
  options.fixtures = parsed.flag("--fixtures");
  if (auto file = parsed.value("--vars-file")) {
    const Findings problems = replay::read_vars_file(*file, options.variables);
    if (!problems.empty()) {
      const Finding& first = problems.front();
      return *file + (first.line ? ":" + std::to_string(first.line) : "") + ": " + first.message;
    }
  }
  for (const auto* option : {"--var", "--secret-var"}) {
    for (const auto& assignment : parsed.values(option)) {
      std::string name, value;
      if (!replay::parse_assignment(assignment, name, value)) {
        return std::string(option) + " takes NAME=VALUE, not \"" + assignment + "\"";
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
  if (!jobs || *jobs > kMaxJobs) return "--jobs takes a whole number from 1 to 1024";
  if (!timeout || *timeout > kMaxTimeoutMs) {
    return "--timeout takes milliseconds, from 1 to 600000 (10 minutes)";
  }
  if (!retries || *retries > kMaxRetries) return "--retries takes a whole number from 0 to 10";
  if (!rps || *rps > kMaxRequestsPerSecond) {
    return "--rps takes a whole number of requests per second, at most 100000";
  }
  codec::Limits limits;
  for (const auto& assignment : parsed.values("--limit")) {
    if (const std::string problem = apply_limit(assignment, limits); !problem.empty()) {
      return problem;
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
    if (!std::filesystem::is_regular_file(*cacert)) return "--cacert: no such file " + *cacert;
    options.run.client.ca_cert_file = *cacert;
  }
  options.run.client.insecure = parsed.flag("--insecure");
  if (auto profile = parsed.value("--mock-profile")) options.mock_profile = *profile;
  options.schemas = parsed.value("--schemas");
  return std::nullopt;
}

}  // namespace conform::cli
