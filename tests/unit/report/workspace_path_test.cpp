#include "report/workspace_path.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace conform::report {
namespace {
namespace fs = std::filesystem;

TEST(WorkspacePath, AnAbsolutePathInsideTheWorkingFolderBecomesRelative) {
  const fs::path cwd = fs::current_path();
  EXPECT_EQ(workspace_path((cwd / "cases" / "finix" / "x.json").string()), "cases/finix/x.json");
  EXPECT_EQ(workspace_path((cwd / "cases" / ".." / "y.json").string()), "y.json");
}

TEST(WorkspacePath, OtherPathsStayAsGiven) {
  EXPECT_EQ(workspace_path("cases/finix/x.json"), "cases/finix/x.json");
  const std::string outside = (fs::current_path().parent_path() / "elsewhere.json").string();
  EXPECT_EQ(workspace_path(outside), outside);
}

}  // namespace
}  // namespace conform::report
