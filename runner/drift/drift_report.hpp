// drift_report: drift and diff items as a replay's results, so every report writer
// (JUnit, JSON, HTML, Markdown, TAP) renders them, and as a text summary for the console.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "drift/item.hpp"
#include "drift/snapshot.hpp"
#include "model/case_result.hpp"
#include "report/sarif.hpp"

namespace conform::drift {

// One case per vendor and message ("acme: response:401"), one step per item; a step
// fails when its item is at `fail_on` or above. Steps carry the snapshot's exchange when
// `recording` has it. `target` names what was checked (a folder).
RunResult to_run_result(const DriftItems& items, const Recording* recording, Level fail_on,
                        const std::string& target);

// Per vendor, one line per item: level, rule, message, pointer, the first snapshot and how
// many showed it; then the counts per level.
void print_items(std::ostream& out, const DriftItems& items);

// {"changes": [{vendor, message, rule, level, file, pointer, text, schema_path?, xpath?,
// line?, column?, length?, expected?, actual?, occurrences}], "counts": {breaking, warning,
// info}} and a line break; one change per line.
void print_items_json(std::ostream& out, const DriftItems& items);

// A SARIF 2.1.0 log (report/sarif.hpp): one result per warning or breaking item (info
// items are left out: code scanning shows only what needs acting on), "error" at or above
// `fail_on`, ruleId the rule; the location is the item's file — a snapshot (relative
// sources are resolved against `recording`) or a schema file.
void write_items_sarif(std::ostream& out, const DriftItems& items, Level fail_on,
                       const report::SarifTool& tool, const std::filesystem::path& recording);

}  // namespace conform::drift
