// console_progress: what a replay prints while and after it runs: a progress bar (on a
// terminal) or one line per case, the failed steps in detail, and a table per vendor.
// Everything quoted from case files and responses is escaped for the terminal.
#pragma once

#include <ostream>

#include "model/case_result.hpp"
#include "replay/run.hpp"

namespace conform::replay {

// Progress for run_cases: on a terminal a bar that failed cases interrupt with their
// details; elsewhere one line per case.
Progress console_progress(std::ostream& out, bool terminal);

// The counts per vendor and for all, the duration and the target.
void print_summary(std::ostream& out, const RunResult& run);

}  // namespace conform::replay
