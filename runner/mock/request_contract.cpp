#include "mock/request_contract.hpp"

#include <algorithm>

namespace conform::mock {
namespace {

// "a, b, c".
std::string joined(const std::vector<std::string>& items) {
  std::string list;
  for (const auto& item : items) list += (list.empty() ? "" : ", ") + item;
  return list;
}

}  // namespace

Findings parameter_findings(const contracts::Manifest& vendor, const MockRequest& request) {
  Findings findings;
  for (const auto& parameter : vendor.endpoint.query_parameters) {
    const auto present = request.query.find(parameter.name);
    if (present == request.query.end()) {
      if (parameter.required) {
        findings.push_back(
            error_at("/" + parameter.name, "required", "The query parameter is required"));
      }
      continue;
    }
    const auto& allowed = parameter.allowed;
    if (!allowed.empty() &&
        std::find(allowed.begin(), allowed.end(), present->second) == allowed.end()) {
      findings.push_back(error_at(
          "/" + parameter.name, "enum",
          "The query parameter is not one of the allowed values (" + joined(allowed) + ")"));
    }
  }
  for (const auto& header : vendor.endpoint.headers) {
    const bool present = request.has_header(header.name);
    if ((header.required && !present) ||
        (present && !header.value.empty() && request.header(header.name) != header.value)) {
      findings.push_back(
          error_at("/" + header.name, "header", "The header must be " + header.value));
    }
  }
  return findings;
}

}  // namespace conform::mock
