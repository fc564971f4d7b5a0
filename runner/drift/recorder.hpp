// recorder: turns a replay's results into snapshots, one per response, with stable names
// and secrets redacted.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "drift/snapshot.hpp"
#include "model/case_result.hpp"
#include "replay/case.hpp"

namespace conform::drift {

// Snapshots of every step that got a response. `cases[i]` is the case `results[i]` ran;
// `base_urls` maps a vendor to the base URL its requests were sent to (stripped from each
// path, so a mock's random port never reaches a file). Names: <vendor>/<slug of the case
// file's name>/<step index>.json, with "-2", "-3" added when two case files of a vendor
// share a slug.
std::vector<Snapshot> snapshots_of(const std::vector<CaseResult>& results,
                                   const std::vector<const replay::Case*>& cases,
                                   const std::map<std::string, std::string>& base_urls);

}  // namespace conform::drift
