// PayloadResult: the verdict on one payload, as validate prints it.
#pragma once

#include <cstddef>
#include <string>

#include "model/finding.hpp"

namespace conform {

struct PayloadResult {
  // The file name as given ("-" for stdin).
  std::string file;
  // 1-based line for NDJSON input; 0 for a whole file.
  std::size_t line = 0;
  bool valid = true;
  Findings findings;
  // Findings left out by --max-findings (the payload had findings.size() + this many).
  std::size_t more_findings = 0;
};

// "... and N more findings": how every output closes a payload whose findings were capped.
std::string more_findings_text(std::size_t more);

// Keeps the first `max` findings (0: all) and counts the rest in `more_findings`.
void cap_findings(PayloadResult& result, std::size_t max);

}  // namespace conform
