// CaseResult and RunResult: what a replay produced, as plain data for the report writers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/finding.hpp"

namespace conform {

using Headers = std::vector<std::pair<std::string, std::string>>;

// One HTTP request and its response, secrets already redacted.
struct Exchange {
  std::string method;
  std::string url;
  Headers request_headers;
  std::string request_body;
  int status = 0;  // 0: no response (transport error)
  Headers response_headers;
  std::string response_body;
  double duration_ms = 0;
};

// passed: every expectation held; failed: an expectation did not hold (<failure>);
// error: the case could not run to its end (transport error, broken case: <error>);
// skipped: not run (filtered, or the run was interrupted first).
enum class Outcome { passed, failed, error, skipped };

const char* to_string(Outcome outcome);

struct StepResult {
  std::string name;
  Exchange exchange;
  Findings findings;
  Outcome outcome = Outcome::passed;
  // A curl command that reproduces the step, secrets redacted.
  std::string curl;
};

struct CaseResult {
  std::string vendor;
  std::string name;
  std::string file;
  std::vector<std::string> tags;
  Outcome outcome = Outcome::passed;
  std::vector<StepResult> steps;
  double duration_ms = 0;
  // A command that runs this case alone again (fuzz: "conform fuzz V --seed S --example I"),
  // secrets masked; empty when the case file is the way to run it again.
  std::string reproduce;
};

// One documented part of a vendor's contract (a row of the coverage table) and how many of the
// run's exchanges exercised it. kind: "status" (a documented success status),
// "error-envelope" (a documented error status, or "default"), "request-media-type",
// "response-media-type". exchanges == 0: the cases never exercised it.
struct CoverageItem {
  std::string kind;
  std::string value;  // "200", "404", "default", "application/xml"
  int exchanges = 0;
};

struct VendorCoverage {
  std::string vendor;
  std::vector<CoverageItem> items;
};

struct RunResult {
  std::string target;      // "mock" or the base URL
  std::string started_at;  // RFC 3339, UTC
  double duration_ms = 0;
  bool interrupted = false;  // partial results (Ctrl-C)
  // conform fuzz: the seed its requests came from (`--seed N` sends them again).
  std::optional<std::uint64_t> seed;
  std::vector<CaseResult> cases;
  // Filled by report::measure_coverage (runner/report/coverage.hpp); empty: not measured.
  std::vector<VendorCoverage> coverage;
  // The run's vendors' secret member names (their manifests' "secrets"), so the writers mask
  // them too; not written to any report.
  std::vector<std::string> secret_members;
};

}  // namespace conform
