// run: replays many cases on a pool of workers (each with its own keep-alive client);
// the steps of one case run in order on one worker.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/case_result.hpp"
#include "replay/case.hpp"
#include "replay/executor.hpp"
#include "replay/run_options.hpp"

namespace conform::replay {

// Called once per finished case, from one thread at a time, in completion order.
using Progress = std::function<void(const CaseResult& result, std::size_t done, std::size_t total)>;

// Results come back in the order of `cases`, whatever order they finished in. Cases
// whose vendor has no entry in `targets` are errors. What the server or a case does wrong is
// a finding; a broken contract is not: the first exception a worker meets (SchemaError for a
// response schema that does not compile when first used) stops the other workers and is
// thrown here once every worker has ended, as the command's to report.
RunResult run_cases(const std::vector<const Case*>& cases,
                    const std::map<std::string, VendorTarget>& targets,
                    const contracts::Catalog& catalog, const RunOptions& options,
                    const Progress& progress = nullptr);

// RFC 3339 UTC, seconds precision ("2026-11-23T12:00:00Z").
std::string utc_now_rfc3339();

}  // namespace conform::replay
