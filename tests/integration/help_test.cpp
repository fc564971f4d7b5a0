// Help and version: every command `conform --help` lists answers --help with a
// usage line, its options described and an example; `conform --version` names the version.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_command.hpp"

namespace conform::test {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

// The names under "commands:" in `conform --help`.
std::vector<std::string> listed_commands(const std::string& help) {
  std::vector<std::string> names;
  std::istringstream in(help);
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line == "commands:") {
      inside = true;
    } else if (inside && line.empty()) {
      break;
    } else if (inside) {
      std::istringstream words(line);
      std::string name;
      words >> name;
      names.push_back(name);
    }
  }
  return names;
}

// The --options the usage lines (up to the first blank line) name.
std::vector<std::string> usage_options(const std::string& help) {
  const std::string usage = help.substr(0, help.find("\n\n"));
  std::vector<std::string> options;
  const std::regex option("--[a-z][a-z0-9-]*");
  for (std::sregex_iterator it(usage.begin(), usage.end(), option), end; it != end; ++it) {
    options.push_back(it->str());
  }
  return options;
}

TEST(Help, ListsTheCommands) {
  const auto r = run_conform({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  const auto names = listed_commands(r.out);
  for (const char* name : {"validate", "vendors", "convert", "mock", "replay", "report"}) {
    EXPECT_THAT(names, ::testing::Contains(std::string(name))) << r.out;
  }
}

TEST(Help, EveryCommandHasUsageOptionsAndAnExample) {
  const auto names = listed_commands(run_conform({"--help"}).out);
  ASSERT_FALSE(names.empty());
  for (const auto& name : names) {
    SCOPED_TRACE("conform " + name + " --help");
    for (const char* flag : {"--help", "-h"}) {
      const auto r = run_conform({name, flag});
      EXPECT_EQ(r.exit_code, 0) << r.err;
      EXPECT_THAT(r.out, StartsWith("usage: conform " + name));
      // "example:" or "examples:" (any case), then at least one indented line running conform.
      EXPECT_TRUE(
          std::regex_search(r.out, std::regex("\\n[Ee]xamples?[^\\n]*:\\n  [^\\n]*conform ")))
          << r.out;
      const std::string body = r.out.substr(r.out.find("\n\n"));
      for (const auto& option : usage_options(r.out)) {
        EXPECT_TRUE(std::regex_search(body, std::regex("[ ,]" + option + "\\b")))
            << option << " is in the usage line but not described:\n"
            << r.out;
      }
    }
  }
}

// A newcomer pastes the examples: they name the shipped vendors and files, not a test
// vendor (acme) that only the test data has.
TEST(Help, ExamplesUseShippedVendorsAndFiles) {
  const auto names = listed_commands(run_conform({"--help"}).out);
  for (const auto& name : names) {
    const std::string help = run_conform({name, "--help"}).out;
    const std::string examples = help.substr(help.rfind("\nexample"));
    // VENDOR and ID are placeholders (vendors are data: no vendor is named in the C++).
    const std::regex path("\\b(?:cases|schemas)/(?![A-Z]+\\b)[A-Za-z0-9_./-]*");
    for (std::sregex_iterator it(examples.begin(), examples.end(), path), end; it != end; ++it) {
      EXPECT_TRUE(std::filesystem::exists(std::string(CONFORM_SOURCE_DIR) + "/" + it->str()))
          << name << ": " << it->str();
    }
    const std::regex vendor("--(?:base|vendor) ([a-z0-9]+)");
    for (std::sregex_iterator it(examples.begin(), examples.end(), vendor), end; it != end; ++it) {
      EXPECT_TRUE(std::filesystem::is_regular_file(std::string(CONFORM_SCHEMAS_DIR) + "/" +
                                                   (*it)[1].str() + "/vendor.json"))
          << name << ": " << it->str();
    }
  }
}

TEST(Help, VersionPrintsTheVersion) {
  const auto r = run_conform({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, MatchesRegex("conform [0-9]+\\.[0-9]+\\.[0-9]+\n"));
}

TEST(Help, AnUnknownCommandIsAUsageErrorThatListsTheCommands) {
  const auto r = run_conform({"valdiate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown command 'valdiate'"));
  EXPECT_THAT(r.err, HasSubstr("validate "));
}

}  // namespace
}  // namespace conform::test
