// run_result: a fuzz run as the replay reports show it: one case per distinct problem (an
// accepted invalid request as a pass with a warning), one passed case per vendor without a
// problem, the seed, and what the examples covered.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "fuzz/session.hpp"
#include "fuzz/target.hpp"
#include "model/case_result.hpp"

namespace conform::fuzz {

// The command that sends one example of a vendor again (the options of the run it came from).
using ReproduceLine = std::function<std::string(const std::string& vendor, std::uint64_t example)>;

// `target`: "mock" or the URL the run sent to. Each problem's case carries its reproduce line.
// Coverage per vendor: each documented status and error envelope, each request media type
// (and the invalid bodies sent in it), and each planned keyword case, with the exchanges that
// exercised it.
RunResult fuzz_run_result(const FuzzOutcome& outcome, const std::vector<const FuzzTarget*>& targets,
                          const std::string& target, const ReproduceLine& reproduce);

}  // namespace conform::fuzz
