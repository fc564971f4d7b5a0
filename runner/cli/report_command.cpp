// `conform report merge`: combines the reports of replay shards (--shard K/N on N CI
// machines) into one set of reports, as if one machine had run every case.
#include <filesystem>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "report/reports.hpp"
#include "report/totals.hpp"

namespace conform::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: conform report merge DIR... --report-dir OUT\n"
    "\n"
    "Combines the reports of replay shards into one. Reads report.json from each DIR (a\n"
    "folder a `conform replay --report-dir DIR` wrote, or a report.json file itself) and\n"
    "writes junit.xml, report.json, report.html, summary.md and report.tap into OUT.\n"
    "\n"
    "options:\n"
    "  --report-dir OUT  where the merged reports go (created if needed; required)\n"
    "  -h, --help        show this help\n"
    "\n"
    "exit status: 0 every case passed; 1 a case failed or broke, or a shard was\n"
    "interrupted (partial results); 2 an input is missing or broken, or OUT cannot be written.\n"
    "\n"
    "example (a CI job after three shards uploaded their reports/ folders):\n"
    "  conform report merge shard-1/ shard-2/ shard-3/ --report-dir reports/merged\n";

// A folder means its report.json; a file is read as it is.
fs::path report_json_of(const std::string& input) {
  const fs::path path(input);
  std::error_code error;
  return fs::is_directory(path, error) ? path / "report.json" : path;
}

// The same case in two shards means the shards overlapped (a wrong --shard K/N): say so,
// since the merged counts would then be too high.
void warn_about_duplicates(const std::vector<RunResult>& runs, const std::vector<fs::path>& files) {
  std::map<std::string, std::vector<std::string>> seen;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    for (const auto& result : runs[i].cases) {
      seen[result.vendor + "/" + result.name + " (" + result.file + ")"].push_back(
          files[i].string());
    }
  }
  for (const auto& [name, where] : seen) {
    if (where.size() < 2) continue;
    std::cerr << "conform report: warning: case " << name << " is in " << where.size()
              << " inputs:";
    for (const auto& file : where) std::cerr << " " << file;
    std::cerr << " (do the shards use the same N in --shard K/N?)\n";
  }
}

// `inputs`: the report folders (or report.json files) to merge.
int merge(const Arguments& parsed, const std::vector<std::string>& inputs) {
  const auto out = parsed.value("--report-dir");
  if (!out || out->empty()) throw UsageError("--report-dir OUT is required");
  if (inputs.empty()) throw UsageError("name at least one report folder to merge");

  std::vector<RunResult> runs;
  std::vector<fs::path> files;
  for (const auto& input : inputs) {
    files.push_back(report_json_of(input));
    try {
      runs.push_back(report::read_report_json(files.back()));
    } catch (const std::runtime_error& e) {
      throw CannotRun(std::string("cannot merge: ") + e.what() +
                      "\n  (each input must be a folder holding a report.json that conform "
                      "replay wrote, or that file)");
    }
  }
  warn_about_duplicates(runs, files);

  const RunResult merged = report::merge(runs);
  write_reports(merged, *out);
  const report::Totals totals = report::totals_of(merged);
  std::cout << "merged " << runs.size() << (runs.size() == 1 ? " report: " : " reports: ")
            << report::describe(totals) << "\n"
            << "report: " << (fs::path(*out) / "report.html").string() << "\n";
  if (merged.interrupted) {
    std::cerr << "conform report: a shard was interrupted: these are partial results\n";
    return kExitFindings;
  }
  return totals.has_failures() ? kExitFindings : kExitOk;
}

int run(const Arguments& args) {
  const auto& words = args.positional();
  if (words.empty()) throw UsageError("name the report command: merge");
  if (words[0] == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (words[0] != "merge") {
    throw UsageError("unknown report command '" + words[0] + "' (there is: merge)");
  }
  return merge(args, {words.begin() + 1, words.end()});
}

const CommandRegistration registration{
    {"report", "merge the reports of replay shards", kUsage, {{"--report-dir", "OUT"}}, run}};

}  // namespace
}  // namespace conform::cli
