// The report writers' entry point: one replay's results -> junit.xml, report.json,
// report.html, summary.md and report.tap; reading report.json back and merging shards.
//
// The writers trust the replay to have redacted secrets to the marker "***" (secret/policy.hpp);
// as a second line of defence they also mask credential headers,
// URL user-info and curl credentials themselves. report.json's fields: docs/report-json.md.
#pragma once

#include <filesystem>
#include <vector>

#include "model/case_result.hpp"

namespace conform::report {

// Writes junit.xml, report.json, report.html, summary.md and report.tap into `dir`
// (created if needed), each atomically (temp file + rename). Throws std::runtime_error
// naming the path on I/O failure.
void write_reports(const RunResult& run, const std::filesystem::path& dir);

// Reads a report.json back (for merging); throws std::runtime_error on a broken file,
// naming it.
RunResult read_report_json(const std::filesystem::path& file);

// Combines shards' runs into one: cases sorted by vendor, file and name; the earliest
// start; the longest duration (shards run side by side); interrupted if any shard was;
// coverage summed per vendor and item.
RunResult merge(const std::vector<RunResult>& runs);

}  // namespace conform::report
