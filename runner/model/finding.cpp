#include "model/finding.hpp"

#include <algorithm>

namespace conform {

const char* to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

bool has_errors(const Findings& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace conform
