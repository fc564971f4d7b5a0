// Replay against a target that does not play fair: a body without
// end, and a server that only ever asks to retry later. Replay stops at its limits, and a
// signal ends the run during back-off; absurd counts are usage errors.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "support/conform_process.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform::test {
namespace {

const std::string kCase = std::string(CONFORM_CASES_DIR) + "/finix/disable-user.json";

// A server on 127.0.0.1 (port 0) for one test; every vendor mount answers `handler`.
class HostileServer {
 public:
  explicit HostileServer(httplib::Server::Handler handler) {
    server_.Put(".*", handler);
    server_.Get(".*", handler);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~HostileServer() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

TEST(ReplayHostileTarget, AnEndlessBodyStopsAtTheLimit) {
  HostileServer server([](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/json", [](std::size_t, httplib::DataSink& sink) {
      const std::string chunk(4096, ' ');
      return sink.write(chunk.data(), chunk.size());
    });
  });
  TempDir reports;
  const auto run = run_conform({"replay", kCase, "--target", server.url(), "--fixtures", "--limit",
                                "body-bytes=64K", "--report-dir", reports.path()},
                               "", 60);
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.out.find("is larger than 65536 bytes"), std::string::npos) << run.out;
}

TEST(ReplayHostileTarget, SigtermEndsTheRunDuringBackOff) {
  std::atomic<int> requests{0};
  HostileServer server([&](const httplib::Request&, httplib::Response& res) {
    ++requests;
    res.status = 503;
    res.set_header("Retry-After", "3600");
  });
  TempDir reports;
  ConformProcess replay({"replay", kCase, "--target", server.url(), "--fixtures", "--retries", "10",
                         "--report-dir", reports.path()});
  ASSERT_TRUE(replay.wait_until_catching(SIGTERM, 30)) << "replay never installed its handler";
  for (int i = 0; i < 3000 && requests == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_GT(requests, 0);
  // Without the fix replay sleeps out the back-off (capped at 5 s per attempt, 10 attempts).
  EXPECT_EQ(replay.stop(SIGTERM, 3), 2) << "an interrupted run is exit 2";
  EXPECT_EQ(requests, 1);
}

TEST(ReplayHostileTarget, AbsurdCountsAreUsageErrors) {
  for (const auto& [option, value, message] :
       {std::tuple<const char*, const char*, const char*>{
            "--retries", "1000000000", "--retries takes a whole number from 0 to 10"},
        {"--jobs", "100000", "--jobs takes a whole number from 1 to 1024"},
        {"--timeout", "86400000", "--timeout takes milliseconds, from 1 to 600000"},
        {"--limit", "body-bytes=x", "body-bytes"}}) {
    const auto run = run_conform({"replay", kCase, option, value});
    EXPECT_EQ(run.exit_code, 2) << option;
    EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
  }
}

}  // namespace
}  // namespace conform::test
