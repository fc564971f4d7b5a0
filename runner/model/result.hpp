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
};

}  // namespace conform
