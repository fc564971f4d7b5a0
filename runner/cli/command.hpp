// Command: one subcommand of the CLI, described as data (its options, its help with the
// examples) so one parser, one --help and one usage-error path serve every command, and the
// bash completion is generated from the same description. Each command lives in its own
// <name>_command.cpp and registers itself, so adding one touches no shared file.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli/arguments.hpp"
#include "model/case_result.hpp"

namespace conform::contracts {
class Catalog;
}

namespace conform::cli {

// Exit codes, the same for every subcommand, so scripts can tell findings from the rest
// (README.md, "Exit codes"): 2 means the command could not do its work, whatever stopped
// it: the command line, an unreadable input, a broken contract, an unreachable target,
// output that cannot be written.
enum ExitCode : int { kExitOk = 0, kExitFindings = 1, kExitCannotRun = 2 };

// An option a command takes. `value`: the placeholder of its value ("DIR", "FILE",
// "json|xml|form", "N"); null for a flag. The bash completion offers a placeholder's
// lower-case words, folders for DIR, files for FILE, vendor ids for VENDOR.
struct Option {
  const char* name;
  const char* value = nullptr;
  // False for an option accepted only to say what to use instead: not completed.
  bool offered = true;
};

struct Command {
  const char* name;
  const char* summary;          // one line for `conform --help`
  const char* help;             // `conform NAME --help`: usage line, options, exit status, examples
  std::vector<Option> options;  // besides --help and -h, which every command takes
  // Runs the parsed command line; returns an ExitCode or throws UsageError or CannotRun.
  int (*run)(const Arguments& args);
  // Printed after the help, when it has something to add (the mock's fixtures); optional.
  void (*help_extra)(const Arguments& args, std::ostream& out) = nullptr;
};

// The command line is wrong: printed as "conform NAME: what" and a pointer to --help.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The command line is right but the work cannot be done (a broken contract, an unreadable
// input, reports that cannot be written): printed as "conform NAME: what".
class CannotRun : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Called from a static object in each command's file.
struct CommandRegistration {
  explicit CommandRegistration(const Command& command);
};

// Every registered command, sorted by name.
std::vector<Command> registered_commands();

// Parses `args` (everything after the command name) as `command` declares, answers
// --help, runs it and turns its exceptions into messages and exit codes.
int run_command(const Command& command, const std::vector<std::string>& args);

// The vendor contracts of --schemas (or the default location); CannotRun when they do not load.
std::shared_ptr<contracts::Catalog> load_catalog(const Arguments& args);

// Writes `text` to the file --out names, whole or not at all, else to standard output;
// CannotRun when the file cannot be written.
void write_output(const Arguments& args, std::string_view text);

// report::write_reports into `dir`; CannotRun "cannot write the reports" when it cannot.
void write_reports(const RunResult& run, const std::filesystem::path& dir);

// The options of `base` and then `more`: commands that share options extend a common list.
std::vector<Option> with(std::vector<Option> base, const std::vector<Option>& more);

}  // namespace conform::cli
