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

#include "support/conform_process.hpp"
#include "support/run_command.hpp"

namespace conform {
namespace {

TEST(MockCli, PrintsWhereItListensServesAndStopsOnSigterm) {
  for (const int signal : {SIGTERM, SIGINT}) {
    test::ConformProcess mock({"mock", "--vendor", "finix", "--port", "0"});
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
  test::ConformProcess mock({"mock", "--vendor", "finix", "--port", "0", "--latency", "600"});
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
