// Command: one subcommand of the CLI. Each lives in its own <name>_command.cpp and
// registers itself, so adding one touches no shared file.
#pragma once

#include <string>
#include <vector>

namespace conform::cli {

// Exit codes, the same for every subcommand, so scripts can tell findings from misuse.
enum ExitCode : int { kExitOk = 0, kExitFindings = 1, kExitUsage = 2 };

struct Command {
  const char* name;
  const char* summary;  // one line for `conform --help`
  // args: everything after the command name. Returns an ExitCode.
  int (*run)(const std::vector<std::string>& args);
};

// Called from a static object in each command's file.
struct CommandRegistration {
  explicit CommandRegistration(const Command& command);
};

// Every registered command, sorted by name.
std::vector<Command> registered_commands();

}  // namespace conform::cli
