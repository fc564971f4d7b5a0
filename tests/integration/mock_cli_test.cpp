// `conform mock` as a user runs it: the listening line, requests, a graceful SIGTERM, and
// usage errors.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "support/run_command.hpp"

namespace conform {
namespace {

// A `conform mock` child process with its stdout on a pipe; killed if a test forgets it.
class MockProcess {
 public:
  explicit MockProcess(std::vector<std::string> args) {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      const int quiet = ::open("/dev/null", O_WRONLY);  // the access log
      ::dup2(quiet, STDERR_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      args.insert(args.begin(), {CONFORM_BINARY, "mock"});
      std::vector<char*> argv;
      for (auto& arg : args) argv.push_back(arg.data());
      argv.push_back(nullptr);
      ::execv(CONFORM_BINARY, argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    out_ = out[0];
  }
  ~MockProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(out_);
  }

  // The first stdout line, waiting at most `seconds`.
  std::string first_line(int seconds) {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd ready{out_, POLLIN, 0};
      if (::poll(&ready, 1, 100) <= 0) continue;
      char c = 0;
      if (::read(out_, &c, 1) != 1) break;
      if (c == '\n') return line;
      line.push_back(c);
    }
    return line;
  }

  // Sends `signal` and returns the exit status (-1 if it did not exit in `seconds`).
  int stop(int signal, int seconds) {
    ::kill(pid_, signal);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
};

TEST(MockCli, PrintsWhereItListensServesAndStopsOnSigterm) {
  for (const int signal : {SIGTERM, SIGINT}) {
    MockProcess mock({"--vendor", "finix", "--port", "0"});
    const std::string line = mock.first_line(20);
    const std::string prefix = "conform mock listening on http://127.0.0.1:";
    ASSERT_EQ(line.substr(0, prefix.size()), prefix) << line;
    const int port = std::stoi(line.substr(prefix.size()));
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);
    const auto result = client.Put("/users/USsRhsHYZGBPnQw8CByJyEQW",
                                   {{"Authorization", "Basic bW9jay11c2VyOm1vY2stcGFzc3dvcmQ="},
                                    {"Finix-Version", "2022-02-01"}},
                                   R"({"enabled":false})", "application/json");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200) << result->body;
    EXPECT_EQ(mock.stop(signal, 20), 0);
  }
}

TEST(MockCli, ARequestInFlightWhenTheSignalArrivesStillGetsItsAnswer) {
  MockProcess mock({"--vendor", "finix", "--port", "0", "--latency", "600"});
  const std::string line = mock.first_line(20);
  const std::string prefix = "conform mock listening on http://127.0.0.1:";
  ASSERT_EQ(line.substr(0, prefix.size()), prefix) << line;
  const int port = std::stoi(line.substr(prefix.size()));
  int status = 0;
  std::thread request([&] {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);
    const auto result = client.Put("/users/USsRhsHYZGBPnQw8CByJyEQW",
                                   {{"Authorization", "Basic bW9jay11c2VyOm1vY2stcGFzc3dvcmQ="},
                                    {"Finix-Version", "2022-02-01"}},
                                   R"({"enabled":true})", "application/json");
    status = result ? result->status : -1;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(mock.stop(SIGTERM, 20), 0);
  request.join();
  EXPECT_EQ(status, 200);
}

TEST(MockCli, BadArgumentsExitTwoAndSayWhatToDo) {
  const auto port = test::run_conform({"mock", "--port", "70000"}, "", 20);
  EXPECT_EQ(port.exit_code, 2);
  EXPECT_NE(port.err.find("--port takes a number from 0 to 65535"), std::string::npos) << port.err;
  const auto vendor = test::run_conform({"mock", "--vendor", "finnix"}, "", 20);
  EXPECT_EQ(vendor.exit_code, 2);
  EXPECT_NE(vendor.err.find("unknown vendor 'finnix'; known vendors: "), std::string::npos)
      << vendor.err;
  const auto fault = test::run_conform({"mock", "--fault-rate", "0.1"}, "", 20);
  EXPECT_EQ(fault.exit_code, 2);
  EXPECT_NE(fault.err.find("needs at least one --fault"), std::string::npos) << fault.err;
  const auto profile = test::run_conform({"mock", "--profile", "wobbly"}, "", 20);
  EXPECT_EQ(profile.exit_code, 2);
  EXPECT_NE(profile.err.find("--profile is default or drifted"), std::string::npos);
}

TEST(MockCli, HelpShowsAnExample) {
  const auto help = test::run_conform({"mock", "--help"}, "", 20);
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("\n  conform mock --port 8080 --latency 5-50"), std::string::npos)
      << help.out;
  // The test credentials come from the manifests.
  EXPECT_NE(help.out.find("  finix: PUT /users/{user_id}, GET /users/{user_id}; user "
                          "USsRhsHYZGBPnQw8CByJyEQW\n      basic mock-user:mock-password\n"),
            std::string::npos)
      << help.out;
  EXPECT_NE(help.out.find("Authorization: Bearer mock-token-readonly (lacks User-Edit)"),
            std::string::npos);
}

}  // namespace
}  // namespace conform
