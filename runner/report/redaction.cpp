#include "report/redaction.hpp"

#include "secret/masker.hpp"

namespace conform::report {

RunResult redact_secrets(const RunResult& run) {
  secret::Policy policy;
  policy.add_member_names(run.secret_members);
  const secret::Masker masker(policy);
  RunResult safe = run;
  safe.target = masker.mask_url(run.target);
  for (auto& result : safe.cases) {
    result.reproduce = masker.mask_curl(result.reproduce);
    for (auto& step : result.steps) {
      masker.mask(step.exchange);
      for (Finding& finding : step.findings) masker.mask(finding);
      step.curl = masker.mask_curl(step.curl);
    }
  }
  return safe;
}

}  // namespace conform::report
