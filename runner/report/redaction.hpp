// Redaction, the writers' second line of defence. The replay masks every secret it knows of
// (secret variables, the manifests' secret members) before results reach a writer; the
// writers mask again what is a credential by its place alone (secret::Policy), in case a
// caller forgot: credential headers, URL user-info, secret-named query parameters and body
// members, and the same inside curl reproducers.
#pragma once

#include "model/case_result.hpp"

namespace conform::report {

// A copy of `run` with every exchange and curl command masked by the policy of its secret
// members (RunResult::secret_members).
RunResult redact_secrets(const RunResult& run);

}  // namespace conform::report
