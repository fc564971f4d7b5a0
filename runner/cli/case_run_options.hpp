// CaseRunOptions: the options `conform replay` and `conform record` share (cases, target,
// variables, selection, client and mock settings), read the same way by both.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "replay/case_loader.hpp"
#include "replay/run.hpp"
#include "replay/run_setup.hpp"
#include "replay/selection.hpp"
#include "replay/variables.hpp"

namespace conform::cli {

struct CaseRunOptions : replay::TargetOptions {
  std::vector<std::filesystem::path> paths;
  replay::Selection selection;
  replay::RunOptions run;
};

// The cases/ folder beside the schemas: the default case files and the case-file schema.
std::filesystem::path cases_location(const contracts::Catalog& catalog);

// A loader for case files with the schema in cases_location; CannotRun when it does not load.
std::unique_ptr<replay::CaseLoader> load_case_loader(const contracts::Catalog& catalog);

// The case files of options.paths (default: cases_location), with their defaults.
replay::CaseSet load_cases(const CaseRunOptions& options, const contracts::Catalog& catalog);

// The cases options.selection picks (--tag, --exclude-tag, --shard), in order.
std::vector<const replay::Case*> selected_cases(const replay::CaseSet& cases,
                                                const CaseRunOptions& options);

// replay::run_cases, its workers' exceptions as CannotRun ("the run stopped: ...").
RunResult run_selected_cases(const std::vector<const replay::Case*>& selected,
                             const std::map<std::string, replay::VendorTarget>& targets,
                             const contracts::Catalog& catalog, const replay::RunOptions& options,
                             const replay::Progress& progress = nullptr);

// The shared options; a command adds its own (`with`).
std::vector<Option> case_run_options();

// Fills `options` from the shared options of `parsed`; UsageError says what is wrong.
void read_case_run_options(const Arguments& parsed, CaseRunOptions& options);

}  // namespace conform::cli
