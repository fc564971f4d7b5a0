// request_contract: the parts of a request's head the manifest describes (media type, query
// parameters, headers), checked the same way by the mock and by `conform proxy`.
#pragma once

#include <string>

#include "contracts/manifest.hpp"
#include "mock/exchange.hpp"
#include "model/finding.hpp"

namespace conform::mock {

// Findings for the query parameters and headers `vendor` requires or restricts, each at
// "/<name>".
Findings parameter_findings(const contracts::Manifest& vendor, const MockRequest& request);

}  // namespace conform::mock
