// recorder: turns a replay's results into snapshots, one per response, with stable names
// and secrets redacted.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "drift/snapshot.hpp"
#include "model/case_result.hpp"
#include "replay/case.hpp"
#include "secret/masker.hpp"

namespace conform::drift {

// One response as a snapshot: its method, its path and query below `base_url` (masked), its
// status, the headers that describe it and its body, secrets masked. The vendor, case and
// step, and the relative path, are the caller's to fill in.
Snapshot response_snapshot(const Exchange& exchange, const std::string& base_url,
                           const secret::Masker& masker);

// Snapshots of every step that got a response. `cases[i]` is the case `results[i]` ran;
// `base_urls` maps a vendor to the base URL its requests were sent to (stripped from each
// path, so a mock's random port never reaches a file). Names: <vendor>/<slug of the case
// file's name>/<step index>.json, with "-2", "-3" added when two case files of a vendor
// share a slug.
std::vector<Snapshot> snapshots_of(const std::vector<CaseResult>& results,
                                   const std::vector<const replay::Case*>& cases,
                                   const std::map<std::string, std::string>& base_urls);

}  // namespace conform::drift
