// conform: the command-line entry point. Dispatches to the registered subcommands.
// Built twice (CMakeLists.txt): conform-full has every command; conform has those that need
// no network and hands the others, and the command list, to conform-full.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace {

#ifdef CONFORM_FULL_PROGRAM
// Replaces this process with conform-full (same pid, so signals and the exit status pass
// through); returns only when that fails.
int hand_over(char** argv) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path here = fs::read_symlink("/proc/self/exe", error).parent_path();
  const fs::path candidates[] = {here / CONFORM_FULL_PROGRAM,
                                 (here / CONFORM_FULL_FROM_BINDIR).lexically_normal()};
  for (const auto& program : candidates) {
    execv(program.c_str(), argv);
    if (errno != ENOENT) {
      std::cerr << "conform: cannot run " << program.string() << ": " << std::strerror(errno)
                << "\n";
      return conform::cli::kExitCannotRun;
    }
  }
  std::cerr << "conform: " << CONFORM_FULL_PROGRAM << " is missing (looked for "
            << candidates[0].string() << " and " << candidates[1].string()
            << "); reinstall conform\n";
  return conform::cli::kExitCannotRun;
}

bool runs_here(const std::vector<std::string>& args) {
  if (args.empty()) return false;
  if (args[0] == "--version") return true;
  const auto commands = conform::cli::registered_commands();
  return std::any_of(commands.begin(), commands.end(),
                     [&](const conform::cli::Command& c) { return args[0] == c.name; });
}
#endif

void print_usage(std::ostream& out) {
  out << "usage: conform COMMAND [options]\n\n"
         "Contract tests for vendors' \"update a user\" APIs.\n\ncommands:\n";
  for (const auto& command : conform::cli::registered_commands()) {
    std::string name = command.name;
    name.resize(std::max<std::size_t>(name.size() + 2, 12), ' ');
    out << "  " << name << command.summary << "\n";
  }
  out << "\nRun 'conform COMMAND --help' for a command's options and an example.\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
#ifdef CONFORM_FULL_PROGRAM
  if (!runs_here(args)) return hand_over(argv);
#endif
  if (args.empty()) {
    print_usage(std::cerr);
    return conform::cli::kExitCannotRun;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_usage(std::cout);
    return conform::cli::kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "conform " << CONFORM_VERSION << "\n";
    return conform::cli::kExitOk;
  }
  for (const auto& command : conform::cli::registered_commands()) {
    if (args[0] == command.name) {
      return conform::cli::run_command(command, {args.begin() + 1, args.end()});
    }
  }
  std::cerr << "conform: unknown command '" << args[0] << "'\n\n";
  print_usage(std::cerr);
  return conform::cli::kExitCannotRun;
}
