// `conform` runs the commands that need no network itself and hands the others to
// conform-full (CMakeLists.txt): validate must work without it, and a missing conform-full
// must be a clear usage error, never a crash or a silent wrong answer.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {

namespace fs = std::filesystem;

TEST(HandOver, NetworkCommandsAnswerThroughConformFull) {
  const auto run = test::run_conform({"replay", "--help"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("usage: conform replay"), std::string::npos) << run.out;
}

TEST(HandOver, ALoneConformStillValidatesAndNamesWhatIsMissing) {
  const test::TempDir folder;
  const std::string alone = folder.path() + "/conform";
  fs::copy_file(CONFORM_BINARY, alone);

  const std::string example =
      std::string(CONFORM_SCHEMAS_DIR) + "/finix/examples/request.valid.disable.json";
  const auto validate = test::run_program(alone, {"validate", "finix", "request", example});
  EXPECT_EQ(validate.exit_code, 0) << validate.out << validate.err;

  const auto replay = test::run_program(alone, {"replay", "--help"});
  EXPECT_EQ(replay.exit_code, 2);
  EXPECT_NE(replay.err.find("conform-full is missing"), std::string::npos) << replay.err;
  EXPECT_NE(replay.err.find(folder.path() + "/conform-full"), std::string::npos) << replay.err;
}

}  // namespace
}  // namespace conform
