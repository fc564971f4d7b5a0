// Executor: runs one case's steps in order against a vendor's base URL and turns what
// happened into a CaseResult (exchanges redacted, findings, a curl command per failed step).
#pragma once

#include <string>

#include "contracts/catalog.hpp"
#include "http/client.hpp"
#include "model/case_result.hpp"
#include "replay/case.hpp"
#include "replay/run_options.hpp"
#include "replay/variables.hpp"

namespace conform::replay {

// Everything a case of one vendor runs with.
struct VendorTarget {
  const contracts::Manifest* manifest = nullptr;
  std::string base_url;  // the vendor's endpoint root ("http://127.0.0.1:4000/acme")
  Variables variables;   // profile, then --vars-file, then --var (later wins)
  const VendorDefaults* defaults = nullptr;  // may be null
  // The vendor itself answers (no mock fixtures): cases marked mock_only do not apply.
  bool live = false;
};

class Executor {
 public:
  Executor(const contracts::Catalog& catalog, RunOptions options);

  // Never throws for what the case or the server does: problems are findings.
  CaseResult run(const Case& test_case, const VendorTarget& target, http::Client& client) const;

 private:
  const contracts::Catalog& catalog_;
  RunOptions options_;
};

// Values of the manifest's secret body members found in `body` (JSON, XML or form).
std::vector<std::string> secret_body_values(const std::string& body, Format format,
                                            const std::vector<std::string>& secret_fields);

}  // namespace conform::replay
