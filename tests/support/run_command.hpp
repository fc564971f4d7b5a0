// run_command: runs the built `conform` binary the way a user's shell would, for tests.
#pragma once

#include <string>
#include <vector>

namespace conform::test {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs CONFORM_BINARY with `args` (no shell: arguments are passed as they are), feeding
// `stdin_bytes` to its standard input. Kills it after `timeout_seconds`.
CommandResult run_conform(const std::vector<std::string>& args, const std::string& stdin_bytes = "",
                          int timeout_seconds = 60);
// The same for any program (a copy of the binary, say).
CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                          const std::string& stdin_bytes = "", int timeout_seconds = 60);

}  // namespace conform::test
