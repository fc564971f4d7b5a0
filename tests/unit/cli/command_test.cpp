// run_command: one parser, one --help and one usage-error path for every declared command.
#include "cli/command.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <iostream>
#include <sstream>

namespace conform::cli {
namespace {

// What a run printed and returned.
struct Ran {
  int exit_code;
  std::string out, err;
};

Ran run(const Command& command, const std::vector<std::string>& args) {
  std::ostringstream out, err;
  std::streambuf* const saved_out = std::cout.rdbuf(out.rdbuf());
  std::streambuf* const saved_err = std::cerr.rdbuf(err.rdbuf());
  const int code = run_command(command, args);
  std::cout.rdbuf(saved_out);
  std::cerr.rdbuf(saved_err);
  return {code, out.str(), err.str()};
}

int echo(const Arguments& args) {
  std::cout << args.value("--name").value_or("-") << " " << args.flag("--loud") << " "
            << args.positional().size() << "\n";
  return kExitOk;
}
int wrong_line(const Arguments&) { throw UsageError("give one FILE"); }
int cannot_run(const Arguments&) { throw CannotRun("cannot write the reports: disk full"); }

const Command kEcho{"echo", "prints", "usage: conform echo\n", {{"--name", "N"}, {"--loud"}}, echo};

TEST(RunCommand, ParsesTheDeclaredOptions) {
  const Ran ran = run(kEcho, {"--name", "ada", "a", "--loud", "b"});
  EXPECT_EQ(ran.exit_code, kExitOk);
  EXPECT_EQ(ran.out, "ada 1 2\n");
}

TEST(RunCommand, AnswersHelpWithTheDeclaredHelp) {
  for (const char* flag : {"--help", "-h"}) {
    const Ran ran = run(kEcho, {flag});
    EXPECT_EQ(ran.exit_code, kExitOk);
    EXPECT_EQ(ran.out, "usage: conform echo\n");
  }
}

TEST(RunCommand, AnUndeclaredOptionIsAUsageError) {
  const Ran ran = run(kEcho, {"--colour"});
  EXPECT_EQ(ran.exit_code, kExitCannotRun);
  EXPECT_EQ(ran.out, "");
  EXPECT_EQ(ran.err,
            "conform echo: unknown option --colour\nRun 'conform echo --help' for the options.\n");
}

TEST(RunCommand, AFlagGivenAValueOrAnOptionWithoutOneIsAUsageError) {
  EXPECT_EQ(run(kEcho, {"--name"}).err,
            "conform echo: option --name needs a value\n"
            "Run 'conform echo --help' for the options.\n");
  EXPECT_EQ(run(kEcho, {"--loud=yes"}).exit_code, kExitCannotRun);
}

TEST(RunCommand, AUsageErrorPointsToHelp) {
  const Command command{"lint", "", "", {}, wrong_line};
  const Ran ran = run(command, {});
  EXPECT_EQ(ran.exit_code, kExitCannotRun);
  EXPECT_EQ(ran.err, "conform lint: give one FILE\nRun 'conform lint --help' for the options.\n");
}

// Work that cannot be done is not the command line's fault: one line, no pointer to --help.
TEST(RunCommand, WorkThatCannotBeDoneIsOneLineWithTheSameExitCode) {
  const Command command{"replay", "", "", {}, cannot_run};
  const Ran ran = run(command, {});
  EXPECT_EQ(ran.exit_code, kExitCannotRun);
  EXPECT_EQ(ran.err, "conform replay: cannot write the reports: disk full\n");
}

TEST(RunCommand, ReportsThatCannotBeWrittenAreCannotRun) {
  const std::string file = ::testing::TempDir() + "/conform-command-test-file";
  const std::vector<std::string> out = {"--out", file};
  write_output(Arguments(out, {"--out"}, {}), "x");
  try {
    write_reports(RunResult{}, file);  // a file where a folder should be
    FAIL() << "wrote reports into a file";
  } catch (const CannotRun& e) {
    EXPECT_EQ(std::string(e.what()).rfind("cannot write the reports: ", 0), 0u) << e.what();
  }
  std::remove(file.c_str());
}

TEST(LoadCatalog, AFolderWithoutContractsIsCannotRun) {
  const std::vector<std::string> args = {"--schemas", ::testing::TempDir() + "/no-such-schemas"};
  const Arguments parsed(args, {"--schemas"}, {});
  EXPECT_THROW(load_catalog(parsed), CannotRun);
}

TEST(With, AppendsACommandsOwnOptionsToSharedOnes) {
  const auto options = with({{"--a", "N"}}, {{"--b"}});
  ASSERT_EQ(options.size(), 2u);
  EXPECT_STREQ(options[1].name, "--b");
  EXPECT_EQ(options[1].value, nullptr);
}

}  // namespace
}  // namespace conform::cli

namespace conform::cli {
namespace {

TEST(ParseWhole, TakesWholeNumbersUpToTheMaximumOnly) {
  unsigned long long out = 7;
  EXPECT_TRUE(parse_whole("0", 65535, out));
  EXPECT_EQ(out, 0u);
  EXPECT_TRUE(parse_whole("65535", 65535, out));
  EXPECT_EQ(out, 65535u);
  for (const char* bad : {"", "65536", "-1", "+1", "1.5", "8080 ", "99999999999999999999999"}) {
    EXPECT_FALSE(parse_whole(bad, 65535, out)) << bad;
  }
}

}  // namespace
}  // namespace conform::cli
