// CaseRunOptions: the options `conform replay` and `conform record` share (cases, target,
// variables, selection, client and mock settings), read the same way by both.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "replay/run.hpp"
#include "replay/selection.hpp"
#include "replay/variables.hpp"

namespace conform::cli {

struct CaseRunOptions {
  std::vector<std::filesystem::path> paths;
  std::string target = "mock";
  std::map<std::string, std::string> bases;
  bool fixtures = false;
  replay::Variables variables;
  replay::Selection selection;
  replay::RunOptions run;
  std::string mock_profile = "default";
  std::optional<std::string> schemas;
};

// The shared options that take a value, and those that take none; a command adds its own.
std::set<std::string> case_run_value_options();
std::set<std::string> case_run_flags();

// Fills `options` from the shared options of `parsed`; returns what is wrong, if anything.
std::optional<std::string> read_case_run_options(const Arguments& parsed, CaseRunOptions& options);

}  // namespace conform::cli
