#include "report/finding_redaction.hpp"

#include <string>
#include <string_view>

#include "report/body_redaction.hpp"
#include "report/redaction.hpp"

namespace conform::report {
namespace {

// The last step of a JSON Pointer or an XPath, without an [n] index.
std::string_view last_step(std::string_view path) {
  const auto slash = path.rfind('/');
  std::string_view step = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (const auto bracket = step.find('['); bracket != std::string_view::npos) {
    step = step.substr(0, bracket);
  }
  return step;
}

void replace_all(std::string& text, const std::string& what, std::string_view with) {
  if (what.empty()) return;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size())) {
    text.replace(at, what.size(), with);
  }
}

// "\"hunter2\"" -> "hunter2": findings quote JSON strings.
std::string unquoted(const std::string& value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    return value.substr(1, value.size() - 2);
  }
  return value;
}

}  // namespace

Finding redact_finding(const Finding& finding) {
  const bool secret = is_secret_field(last_step(finding.pointer)) ||
                      (!finding.xpath.empty() && is_secret_field(last_step(finding.xpath)));
  if (!secret || !finding.actual) return finding;
  Finding masked = finding;
  const std::string value = unquoted(*finding.actual);
  if (value.size() >= 1) replace_all(masked.message, value, kRedacted);
  masked.actual = std::string(kRedacted);
  return masked;
}

}  // namespace conform::report
