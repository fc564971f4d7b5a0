#include "report/reports.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "report/atomic_file.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"
#include "unit/report/sample_run.hpp"

namespace conform::report {
namespace {

namespace fs = std::filesystem;

class ReportsTest : public ::testing::Test {
 protected:
  test::TempDir tmp_;
  const fs::path dir_ = fs::path(tmp_.path()) / "reports";  // not there yet: writers create it
};

TEST_F(ReportsTest, WritesEveryReportIntoANewFolder) {
  write_reports(testing::sample_run(), dir_ / "nested" / "latest");
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir_ / "nested" / "latest")) {
    files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  // No temporary file is left behind.
  EXPECT_EQ(files, (std::vector<std::string>{"junit.xml", "report.html", "report.json",
                                             "report.tap", "summary.md"}));
  EXPECT_EQ(
      test::read_file(dir_ / "nested" / "latest" / "report.tap").rfind("TAP version 14\n1..6\n", 0),
      0u);
}

TEST_F(ReportsTest, ReadsBackTheReportItWrote) {
  write_reports(testing::sample_run(), dir_);
  const RunResult back = read_report_json(dir_ / "report.json");
  EXPECT_EQ(back.cases.size(), 6u);
  EXPECT_EQ(back.cases[2].steps[0].findings.size(), 3u);
}

TEST_F(ReportsTest, ReplacesAnOlderReportWhole) {
  write_file_atomically(dir_ / "report.json", "old content that is longer than the new one");
  write_file_atomically(dir_ / "report.json", "new");
  EXPECT_EQ(test::read_file(dir_ / "report.json"), "new");
}

TEST_F(ReportsTest, NamesThePathItCannotWrite) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "file") << "a file where a folder should be";
  try {
    write_reports(testing::sample_run(), dir_ / "file" / "reports");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("cannot write " + (dir_ / "file" / "reports").string() +
                                              "/report.json: cannot create folder",
                                          0),
              0u)
        << e.what();
  }
}

TEST_F(ReportsTest, NamesAMissingReportJson) {
  try {
    read_report_json(dir_ / "missing.json");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), (dir_ / "missing.json").string() + ": cannot read the file");
  }
}

}  // namespace
}  // namespace conform::report
