// conform: the command-line entry point. Dispatches to one subcommand per file.
#include <cstring>
#include <iostream>

namespace {

constexpr const char* kUsage = R"(usage: conform COMMAND [options]

Contract tests for vendors' "update a user" APIs.

commands:
  vendors     list the vendors and their messages
  validate    validate payloads offline against a vendor's contract or a schema

Run 'conform COMMAND --help' for a command's options.
)";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  if (std::strcmp(argv[1], "--version") == 0) {
    std::cout << "conform " << CONFORM_VERSION << "\n";
    return 0;
  }
  std::cerr << "conform: unknown command '" << argv[1] << "'\n" << kUsage;
  return 2;
}
