// conform replay against a mock that misbehaves on purpose: transport faults are retried
// and then reported as <error> (a wrong answer stays a <failure>), a server slower than
// --timeout never makes replay hang, and Ctrl-C still leaves complete reports marked partial.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "codec/rapidjson.hpp"
#include "contracts/catalog.hpp"
#include "mock/server.hpp"
#include "support/catalogs.hpp"
#include "support/conform_process.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {
using test::run_conform;
using test::TempDir;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

using conform::test::read_file;

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// The mock in this process, answering every request with `fault`; counts the requests.
class FaultyMock {
 public:
  FaultyMock(const std::string& fault, double rate, int latency_ms = 0) {
    mock::MockOptions options;
    if (!fault.empty()) {
      options.faults = {fault};
      options.fault_rate = rate;
    }
    options.latency_min_ms = options.latency_max_ms = latency_ms;
    options.access_log = &log_;
    server_ =
        std::make_unique<mock::MockServer>(contracts::Catalog::load(CONFORM_SCHEMAS_DIR), options);
    server_->start();
  }
  std::string url() const { return server_->base_url(); }
  // Requests that reached the mock (one access-log line each); stops the server first.
  std::size_t requests() {
    server_->stop();
    return count_of(log_.str(), "\n");
  }

 private:
  std::ostringstream log_;
  std::unique_ptr<mock::MockServer> server_;
};

// One file's JUnit results: how many <error> and <failure> elements, and whether it parsed.
struct JUnit {
  bool well_formed = false;
  int tests = 0, errors = 0, failures = 0;
  bool interrupted = false;
};

JUnit read_junit(const fs::path& file) {
  JUnit junit;
  pugi::xml_document document;
  junit.well_formed = document.load_file(file.c_str());
  for (const auto& testcase : document.select_nodes("//testcase")) {
    ++junit.tests;
    junit.errors += testcase.node().child("error") ? 1 : 0;
    junit.failures += testcase.node().child("failure") ? 1 : 0;
  }
  junit.interrupted = document.select_node("//property[@name='interrupted'][@value='true']");
  return junit;
}

class TransportFault : public ::testing::TestWithParam<const char*> {};

TEST_P(TransportFault, IsRetriedThenReportedAsAnErrorNotAFailure) {
  FaultyMock mock(GetParam(), 1.0);
  TempDir reports;
  const auto start = Clock::now();
  const auto result =
      run_conform({"replay", test::kFinixCases, "--target", mock.url(), "--fixtures", "--retries",
                   "2", "--timeout", "2000", "--report-dir", reports.path()},
                  "", 120);
  EXPECT_LT(seconds_since(start), 60.0);
  EXPECT_EQ(result.exit_code, 2) << "a target that never answers is exit 2\n" << result.out;
  const JUnit junit = read_junit(fs::path(reports.path()) / "junit.xml");
  ASSERT_TRUE(junit.well_formed);
  ASSERT_GT(junit.tests, 0);
  EXPECT_EQ(junit.errors, junit.tests);
  EXPECT_EQ(junit.failures, 0);
  // Every case stopped at its first request, which was tried 1 + 2 times (the HTTP library
  // may resend once more on a dropped connection it had kept alive).
  const std::size_t requests = mock.requests();
  EXPECT_GE(requests, static_cast<std::size_t>(3 * junit.tests));
  EXPECT_LE(requests, static_cast<std::size_t>(6 * junit.tests));
  EXPECT_NE(result.out.find("transport: "), std::string::npos) << result.out;
}

INSTANTIATE_TEST_SUITE_P(Kinds, TransportFault, ::testing::Values("reset", "truncate"));

TEST(ReplayFault, AWrongAnswerIsAFailureNotAnError) {
  FaultyMock mock("500", 1.0);
  TempDir reports;
  const auto result = run_conform({"replay", test::kFinixCases, "--target", mock.url(),
                                   "--fixtures", "--retries", "2", "--report-dir", reports.path()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  const JUnit junit = read_junit(fs::path(reports.path()) / "junit.xml");
  ASSERT_TRUE(junit.well_formed);
  ASSERT_GT(junit.tests, 0);
  EXPECT_EQ(junit.failures, junit.tests);
  EXPECT_EQ(junit.errors, 0);
  // A 500 is an answer, not a reason to retry: one request per case.
  EXPECT_EQ(mock.requests(), static_cast<std::size_t>(junit.tests));
}

TEST(ReplayFault, AServerSlowerThanTheTimeoutNeverMakesReplayHang) {
  FaultyMock mock("", 0, 1500);
  TempDir reports;
  const std::vector<std::string> cases{test::kFinixCases + "/disable-user.json",
                                       test::kFinixCases + "/clear-tags.json"};
  const auto start = Clock::now();
  const auto result =
      run_conform({"replay", cases[0], cases[1], "--target", mock.url(), "--fixtures", "--timeout",
                   "200", "--retries", "1", "--report-dir", reports.path()},
                  "", 60);
  const double elapsed = seconds_since(start);
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  // Two cases, each two attempts of 200 ms plus a back-off: far below the mock's 1.5 s each.
  EXPECT_LT(elapsed, 2 * 1.5) << result.out;
  const JUnit junit = read_junit(fs::path(reports.path()) / "junit.xml");
  EXPECT_EQ(junit.errors, 2);
  EXPECT_NE(result.out.find("200 ms"), std::string::npos) << result.out;
}

TEST(ReplayFault, CtrlCWritesCompleteReportsMarkedPartial) {
  FaultyMock mock("", 0, 250);
  TempDir reports;
  test::ConformProcess replay({"replay", std::string(CONFORM_CASES_DIR), "--target", mock.url(),
                               "--fixtures", "--jobs", "1", "--report-dir", reports.path()});
  // A loaded machine (the sanitized suite runs in parallel) can take over a second to start
  // it: wait for its handler, then let a few of the 250 ms requests pass.
  ASSERT_TRUE(replay.wait_until_catching(SIGINT, 30)) << "replay never installed its handler";
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  const auto start = Clock::now();
  EXPECT_EQ(replay.stop(SIGINT, 20), 2) << "an interrupted run is exit 2";
  EXPECT_LT(seconds_since(start), 5.0) << "Ctrl-C waits at most for the request in flight";

  const fs::path dir = reports.path();
  const JUnit junit = read_junit(dir / "junit.xml");
  EXPECT_TRUE(junit.well_formed);
  EXPECT_TRUE(junit.interrupted);

  rapidjson::Document report;
  report.Parse(read_file(dir / "report.json").c_str());
  ASSERT_TRUE(report.IsObject()) << "report.json is not whole JSON";
  ASSERT_TRUE(report.HasMember("interrupted"));
  EXPECT_TRUE(report["interrupted"].GetBool());

  const std::string html = read_file(dir / "report.html");
  EXPECT_NE(html.find("id=\"interrupted\""), std::string::npos);
  EXPECT_NE(html.rfind("</html>"), std::string::npos) << "report.html is cut short";
  EXPECT_NE(read_file(dir / "summary.md").find("Interrupted"), std::string::npos);
  // Some cases ran, the rest are listed as not run: partial, neither empty nor finished.
  ASSERT_TRUE(report.HasMember("totals"));
  const auto& totals = report["totals"];
  EXPECT_GT(totals["passed"].GetInt(), 0);
  EXPECT_GT(totals["skipped"].GetInt(), 0);
  EXPECT_EQ(junit.tests, totals["cases"].GetInt());
}

}  // namespace
}  // namespace conform
