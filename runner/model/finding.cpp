#include "model/finding.hpp"

#include <algorithm>
#include <utility>

namespace conform {

const char* to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

Finding error_at(std::string pointer, std::string keyword, std::string message) {
  Finding finding;
  finding.pointer = std::move(pointer);
  finding.keyword = std::move(keyword);
  finding.message = std::move(message);
  return finding;
}

bool has_errors(const Findings& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::error; });
}

std::vector<std::string> missing_members(const Finding& finding) {
  std::vector<std::string> names;
  if (finding.keyword != "required" || !finding.expected) return names;
  const std::string& list = *finding.expected;
  for (std::size_t at = 0; at <= list.size();) {
    const std::size_t end = std::min(list.find(", ", at), list.size());
    names.push_back(list.substr(at, end - at));
    at = end + 2;
  }
  return names;
}

}  // namespace conform
