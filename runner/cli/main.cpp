// conform: the command-line entry point. Dispatches to the registered subcommands.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace {

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
  if (args.empty()) {
    print_usage(std::cerr);
    return conform::cli::kExitUsage;
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
      return command.run(std::vector<std::string>(args.begin() + 1, args.end()));
    }
  }
  std::cerr << "conform: unknown command '" << args[0] << "'\n\n";
  print_usage(std::cerr);
  return conform::cli::kExitUsage;
}
