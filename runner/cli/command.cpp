#include "cli/command.hpp"

#include <algorithm>
#include <cstring>

namespace conform::cli {
namespace {

// A function-local static: registrations run during static initialisation, in any order.
std::vector<Command>& commands() {
  static std::vector<Command> all;
  return all;
}

}  // namespace

CommandRegistration::CommandRegistration(const Command& command) { commands().push_back(command); }

std::vector<Command> registered_commands() {
  std::vector<Command> sorted = commands();
  std::sort(sorted.begin(), sorted.end(),
            [](const Command& a, const Command& b) { return std::strcmp(a.name, b.name) < 0; });
  return sorted;
}

}  // namespace conform::cli
