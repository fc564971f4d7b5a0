#include "cli/command.hpp"

#include <algorithm>
#include <cstring>
#include <iostream>
#include <set>

#include "cli/schemas_location.hpp"
#include "contracts/catalog.hpp"
#include "report/atomic_file.hpp"
#include "report/reports.hpp"
#include "schema/schema.hpp"

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

int run_command(const Command& command, const std::vector<std::string>& args) {
  std::set<std::string> with_value;
  std::set<std::string> flags = {"--help", "-h"};
  for (const Option& option : command.options) {
    (option.value ? with_value : flags).insert(option.name);
  }
  const Arguments parsed(args, with_value, flags);
  const std::string prefix = std::string("conform ") + command.name + ": ";
  try {
    if (parsed.flag("--help") || parsed.flag("-h")) {
      std::cout << command.help;
      if (command.help_extra) command.help_extra(parsed, std::cout);
      return kExitOk;
    }
    if (!parsed.error().empty()) throw UsageError(parsed.error());
    return command.run(parsed);
  } catch (const UsageError& e) {
    std::cerr << prefix << e.what() << "\nRun 'conform " << command.name
              << " --help' for the options.\n";
  } catch (const CannotRun& e) {
    std::cerr << prefix << e.what() << "\n";
  } catch (const contracts::CatalogError& e) {
    std::cerr << prefix << "broken vendor contract: " << e.what() << "\n";
  } catch (const schema::SchemaError& e) {
    std::cerr << prefix << "broken schema: " << e.what() << "\n";
  }
  return kExitCannotRun;
}

std::shared_ptr<contracts::Catalog> load_catalog(const Arguments& args) {
  try {
    return contracts::Catalog::load(schemas_location(args.value("--schemas")));
  } catch (const std::exception& e) {
    throw CannotRun(std::string("cannot load the vendor contracts: ") + e.what());
  }
}

void write_output(const Arguments& args, std::string_view text) {
  const auto out = args.value("--out");
  if (!out) {
    std::cout << text;
    return;
  }
  try {
    report::write_file_atomically(*out, text);
  } catch (const std::runtime_error& e) {
    throw CannotRun(e.what());
  }
}

void write_reports(const RunResult& run, const std::filesystem::path& dir) {
  try {
    report::write_reports(run, dir);
  } catch (const std::exception& e) {
    throw CannotRun(std::string("cannot write the reports: ") + e.what());
  }
}

std::vector<Option> with(std::vector<Option> base, const std::vector<Option>& more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

}  // namespace conform::cli
