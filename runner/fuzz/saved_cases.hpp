// saved_cases: the shrunk problems of a run as case files (--save-failures), which
// `conform lint` and `conform replay` take.
#pragma once

#include <filesystem>
#include <vector>

#include "fuzz/session.hpp"
#include "fuzz/target.hpp"

namespace conform::fuzz {

// Each problem's shrunk case as DIR/<vendor>-<example>.json, the string values of the
// vendor's secret members written as "********" (but a violation's own); FuzzError when it
// cannot.
void save_failures(const FuzzOutcome& outcome, const std::vector<const FuzzTarget*>& targets,
                   const std::filesystem::path& dir);

}  // namespace conform::fuzz
