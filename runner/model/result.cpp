#include "model/result.hpp"

namespace conform {

std::string more_findings_text(std::size_t more) {
  return "... and " + std::to_string(more) + (more == 1 ? " more finding" : " more findings");
}

void cap_findings(PayloadResult& result, std::size_t max) {
  if (max == 0 || result.findings.size() <= max) return;
  result.more_findings += result.findings.size() - max;
  result.findings.resize(max);
}

}  // namespace conform
