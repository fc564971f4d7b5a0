// conform proxy between `conform replay` and `conform mock`: every shipped case passes
// through it unchanged, a target that is down or too slow is a 502 that says why, and the
// reports come at SIGTERM.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "contracts/catalog.hpp"
#include "http/client.hpp"
#include "mock/server.hpp"
#include "proxy/proxy_server.hpp"
#include "report/reports.hpp"
#include "support/canary_cases.hpp"
#include "support/catalogs.hpp"
#include "support/conform_process.hpp"
#include "support/files.hpp"
#include "support/loopback.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "unit/http/test_certificate.hpp"

namespace conform {
namespace {
namespace fs = std::filesystem;
using test::run_conform;
using test::TempDir;

const char* const kVendors[] = {"msp360", "formsonfire", "maiascore", "finix", "nexudus"};

using test::shipped_catalog;

// A finix update with the mock's test credentials.
http::Request finix_update(const std::string& base_url, const std::string& body) {
  http::Request request;
  request.method = "PUT";
  request.url = base_url + "/users/USsRhsHYZGBPnQw8CByJyEQW";
  request.headers = {{"Authorization", "Basic bW9jay11c2VyOm1vY2stcGFzc3dvcmQ="},
                     {"Finix-Version", "2022-02-01"},
                     {"Content-Type", "application/json"}};
  request.body = body;
  return request;
}

http::Response send(const http::Request& request) {
  http::ClientOptions options;
  options.retries = 0;
  http::Client client(options);
  return client.send(request);
}

TEST(ProxyBetweenReplayAndMock, EveryShippedCasePassesThroughUnchanged) {
  mock::MockServer mock(shipped_catalog(), {});
  mock.start();
  TempDir dir;
  std::vector<std::unique_ptr<test::ConformProcess>> proxies;
  std::vector<std::string> arguments{
      "replay",       CONFORM_CASES_DIR,     "--target", mock.base_url(), "--fixtures",
      "--report-dir", dir.path() + "/replay"};
  for (const char* vendor : kVendors) {
    proxies.push_back(std::make_unique<test::ConformProcess>(std::vector<std::string>{
        "proxy", "--vendor", vendor, "--target", mock.base_url() + "/" + vendor, "--port", "0",
        "--report-dir", dir.path() + "/" + vendor}));
    const int port = test::listening_port(*proxies.back(), 20);
    ASSERT_GT(port, 0) << vendor;
    arguments.push_back("--base");
    arguments.push_back(std::string(vendor) + "=http://127.0.0.1:" + std::to_string(port));
  }
  const auto replay = run_conform(arguments, "", 240);
  EXPECT_EQ(replay.exit_code, 0) << replay.out << replay.err;

  for (std::size_t i = 0; i < proxies.size(); ++i) {
    // The cases send invalid requests on purpose: each proxy found problems (exit 1).
    EXPECT_EQ(proxies[i]->stop(SIGTERM, 20), 1) << kVendors[i];
    const std::string report = test::read_file(dir.path() + "/" + kVendors[i] + "/report.json");
    EXPECT_NE(report.find("\"request: "), std::string::npos) << kVendors[i] << report;
    EXPECT_NE(report.find("with no finding"), std::string::npos) << kVendors[i];
    for (const char* file : {"junit.xml", "report.html", "summary.md", "report.tap"}) {
      EXPECT_TRUE(fs::exists(dir.path() + "/" + kVendors[i] + "/" + file)) << file;
    }
  }
}

// SIGUSR1 writes the reports of what the proxy saw so far and keeps it serving; SIGTERM writes
// them again at the end.
TEST(ProxyCli, ReportsOnSigusr1WithoutStoppingThenAtSigterm) {
  mock::MockOptions options;
  options.vendors = {"finix"};
  mock::MockServer mock(shipped_catalog(), options);
  mock.start();
  TempDir dir;
  test::ConformProcess proxy(
      {"proxy", "--vendor", "finix", "--target", mock.base_url(), "--report-dir", dir.path()});
  const int port = test::listening_port(proxy, 20);
  ASSERT_GT(port, 0);
  const std::string url = "http://127.0.0.1:" + std::to_string(port);
  EXPECT_EQ(send(finix_update(url, R"({"enabled":"no"})")).status, 400);

  proxy.signal(SIGUSR1);
  const std::string report = dir.path() + "/report.json";
  for (int i = 0; i < 500 && !fs::exists(report); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(fs::exists(report)) << "no reports after SIGUSR1";
  EXPECT_NE(test::read_file(report).find("(1 exchange)"), std::string::npos);
  EXPECT_TRUE(proxy.running());

  EXPECT_EQ(send(finix_update(url, R"({"enabled":"no"})")).status, 400);
  EXPECT_EQ(proxy.stop(SIGTERM, 20), 1);
  EXPECT_NE(test::read_file(report).find("(2 exchanges)"), std::string::npos)
      << test::read_file(report);
}

TEST(ProxyCli, WhatCannotWorkIsExit2BeforeListening) {
  TempDir dir;
  const std::string file = dir.write("not-a-folder", "x");
  const auto unwritable = run_conform({"proxy", "--vendor", "finix", "--target",
                                       "http://127.0.0.1:1", "--record", file + "/recording"});
  EXPECT_EQ(unwritable.exit_code, 2) << unwritable.out << unwritable.err;
  EXPECT_NE(unwritable.err.find("cannot record into " + file + "/recording"), std::string::npos)
      << unwritable.err;
  EXPECT_EQ(unwritable.out, "");

  const auto unknown = run_conform({"proxy", "--vendor", "acme", "--target", "http://x"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown vendor 'acme'"), std::string::npos) << unknown.err;
  const auto not_url = run_conform({"proxy", "--vendor", "finix", "--target", "127.0.0.1:8080"});
  EXPECT_EQ(not_url.exit_code, 2);
  EXPECT_NE(not_url.err.find("must be an http:// or https:// URL"), std::string::npos)
      << not_url.err;
}

class ProxyInProcess : public ::testing::Test {
 protected:
  // The embedded mock of one vendor (every vendor when empty), its access log into `log`.
  std::unique_ptr<mock::MockServer> start_mock(const std::string& vendor,
                                               std::ostream* log = nullptr,
                                               const std::string& profile = "default") {
    mock::MockOptions options;
    if (!vendor.empty()) options.vendors = {vendor};
    options.profile = profile;
    options.access_log = log;
    auto mock = std::make_unique<mock::MockServer>(shipped_catalog(), options);
    mock->start();
    return mock;
  }

  std::unique_ptr<proxy::ProxyServer> start_proxy(const std::string& vendor,
                                                  const std::string& target, bool enforce = false,
                                                  int timeout_ms = 30000) {
    proxy::ProxyOptions options;
    options.strict = strict_;
    options.record_dir = record_dir_;
    options.vendor = vendor;
    options.target = target;
    options.enforce = enforce;
    options.timeout_ms = timeout_ms;
    options.access_log = &log_;
    auto server = std::make_unique<proxy::ProxyServer>(shipped_catalog(), options);
    server->start();
    return server;
  }

  std::ostringstream log_;
  bool strict_ = false;
  std::string record_dir_;
};

TEST_F(ProxyInProcess, ADownTargetIsA502WithAClearBody) {
  // A port that was free a moment ago: nothing listens there.
  const int closed = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(closed, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  socklen_t length = sizeof address;
  getsockname(closed, reinterpret_cast<sockaddr*>(&address), &length);
  const std::string target = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
  close(closed);

  const auto proxy = start_proxy("finix", target);
  const http::Response response = send(finix_update(proxy->base_url(), R"({"enabled":true})"));
  EXPECT_EQ(response.status, 502);
  EXPECT_NE(response.body.find("\"message\":\"conform proxy: " + target + " did not answer"),
            std::string::npos)
      << response.body;
  EXPECT_NE(response.body.find("cannot connect"), std::string::npos) << response.body;
  const RunResult run = proxy->results();
  ASSERT_EQ(run.cases.size(), 1u);
  EXPECT_EQ(run.cases[0].steps.at(0).findings.at(0).keyword, "transport");
}

TEST_F(ProxyInProcess, ATargetSlowerThanTheTimeoutIsA502NotAHang) {
  mock::MockOptions slow;
  slow.vendors = {"finix"};
  slow.latency_min_ms = slow.latency_max_ms = 3000;
  mock::MockServer mock(shipped_catalog(), slow);
  mock.start();
  const auto proxy = start_proxy("finix", mock.base_url(), false, 300);
  const http::Response response = send(finix_update(proxy->base_url(), R"({"enabled":true})"));
  EXPECT_EQ(response.status, 502);
  EXPECT_NE(response.body.find("within 300 ms"), std::string::npos) << response.body;
}

TEST_F(ProxyInProcess, ResponsesPassBackAsTheTargetSentThemAndTheirFindingsAreKept) {
  const auto mock = start_mock("finix", nullptr, "drifted");
  const auto proxy = start_proxy("finix", mock->base_url());
  const http::Response direct = send(finix_update(mock->base_url(), R"({"enabled":true})"));
  const http::Response proxied = send(finix_update(proxy->base_url(), R"({"enabled":true})"));
  EXPECT_EQ(proxied.status, direct.status);
  EXPECT_EQ(proxied.header("Content-Type"), direct.header("Content-Type"));
  EXPECT_EQ(proxied.body.size(), direct.body.size()) << proxied.body;
  const RunResult run = proxy->results();
  std::string names;
  for (const CaseResult& result : run.cases) names += result.name + "\n";
  EXPECT_NE(names.find("response:200: "), std::string::npos) << names;
  EXPECT_NE(log_.str().find("PUT /users/USsRhsHYZGBPnQw8CByJyEQW 200"), std::string::npos)
      << log_.str();
}

// The listening side reads requests with the mock's rules: a request with ambiguous framing is
// refused there, logged, and never forwarded.
TEST_F(ProxyInProcess, AmbiguousFramingIsRefusedAndNeverForwarded) {
  std::ostringstream mock_log;
  const auto mock = start_mock("finix", &mock_log);
  auto proxy = start_proxy("finix", mock->base_url());
  const std::string base = proxy->base_url();
  const int fd = test::connect_to(std::atoi(base.c_str() + base.rfind(':') + 1));
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(test::send_all(
      fd, "PUT /users/x HTTP/1.1\r\nContent-Length: 18abc\r\n\r\n{\"enabled\":true}"));
  std::string answer;
  char buffer[4096];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) {
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer;
  proxy->stop();  // joins the connections' threads: the log is complete
  EXPECT_NE(log_.str().find("PUT /users/x 400"), std::string::npos) << log_.str();
  EXPECT_EQ(mock_log.str(), "");
}

// An HTTPS target (the mock's TLS mode) with a private CA: trusted through --ca, every case
// passes through; without it, a 502 that says what to do.
TEST(ProxyTls, APrivateCaTrustedThroughCaCarriesEveryCase) {
  testing::TestCertificate certificate;
  mock::MockOptions tls;
  tls.vendors = {"finix"};
  tls.tls_cert = certificate.cert();
  tls.tls_key = certificate.key();
  mock::MockServer mock(shipped_catalog(), tls);
  mock.start();
  ASSERT_EQ(mock.base_url().rfind("https://", 0), 0u);
  TempDir dir;
  test::ConformProcess proxy({"proxy", "--vendor", "finix", "--target", mock.base_url(), "--ca",
                              certificate.cert().string(), "--report-dir", dir.path()});
  const int port = test::listening_port(proxy, 20);
  ASSERT_GT(port, 0);
  const std::string url = "http://127.0.0.1:" + std::to_string(port);
  const auto replay =
      run_conform({"replay", std::string(CONFORM_CASES_DIR) + "/finix", "--target", mock.base_url(),
                   "--fixtures", "--cacert", certificate.cert().string(), "--base", "finix=" + url,
                   "--report-dir", dir.path() + "/replay"});
  EXPECT_EQ(replay.exit_code, 0) << replay.out << replay.err;
  EXPECT_EQ(proxy.stop(SIGTERM, 20), 1) << "the cases' invalid requests are findings";
  EXPECT_EQ(test::read_file(dir.path() + "/report.json").find("transport"), std::string::npos);

  proxy::ProxyOptions untrusted;
  untrusted.vendor = "finix";
  untrusted.target = mock.base_url();
  proxy::ProxyServer server(shipped_catalog(), untrusted);
  server.start();
  const http::Response response = send(finix_update(server.base_url(), R"({"enabled":true})"));
  EXPECT_EQ(response.status, 502);
  EXPECT_NE(response.body.find(
                "is not trusted (self-signed certificate): start the proxy with --ca FILE"),
            std::string::npos)
      << response.body;
}

// A logical failure in a 200 (Nexudus' WasSuccessful: false) is a finding of the response,
// and the application still gets the response as sent.
TEST_F(ProxyInProcess, ALogicalFailureInA200IsAFinding) {
  httplib::Server upstream;
  const std::string failed =
      R"({"Status":200,"Message":"not saved","Value":{"Id":1001},"WasSuccessful":false,"Errors":null})";
  upstream.Put("/api/sys/users", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(failed, "application/json");
  });
  const int port = upstream.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { upstream.listen_after_bind(); });
  while (!upstream.is_running()) std::this_thread::yield();

  auto proxy = start_proxy("nexudus", "http://127.0.0.1:" + std::to_string(port));
  http::Request request;
  request.method = "PUT";
  request.url = proxy->base_url() + "/api/sys/users";
  request.headers = {{"Authorization", "Bearer t"}, {"Content-Type", "application/json"}};
  request.body =
      R"({"Id":1001,"FullName":"Ada","Email":"ada@example.com","Language":1,"PasswordSalt":"s",)"
      R"("LastHelpVisited":0,"InvalidLoginAttempts":0})";
  const http::Response response = send(request);
  std::string names;
  for (const CaseResult& result : proxy->results().cases) names += result.name + "\n";
  proxy.reset();  // closes its kept-alive connection, so the upstream stops at once
  upstream.stop();
  thread.join();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, failed);
  EXPECT_NE(names.find("response:200: value must be true at /WasSuccessful"), std::string::npos)
      << names;
  EXPECT_EQ(names.find("request: "), std::string::npos) << names;
}

// What the proxy records, `conform drift` and `conform infer` read: clean against the mock,
// breaking against the drifted mock.
TEST_F(ProxyInProcess, DriftAndInferReadWhatTheProxyRecorded) {
  TempDir dir;
  for (const char* profile : {"default", "drifted"}) {
    const auto mock = start_mock("finix", nullptr, profile);
    record_dir_ = dir.path() + "/" + profile;
    const auto proxy = start_proxy("finix", mock->base_url());
    const auto replay =
        run_conform({"replay", std::string(CONFORM_CASES_DIR) + "/finix", "--target",
                     mock->base_url(), "--fixtures", "--base", "finix=" + proxy->base_url(),
                     "--report-dir", dir.path() + "/replay"});
    EXPECT_EQ(replay.exit_code, std::string(profile) == "default" ? 0 : 1) << replay.out;
    proxy->stop();
    EXPECT_EQ(proxy->record_error(), "");
    EXPECT_TRUE(fs::exists(record_dir_ + "/finix/put-users-user-id/0.json"));

    const auto drift = run_conform({"drift", record_dir_});
    if (std::string(profile) == "default") {
      EXPECT_EQ(drift.exit_code, 0) << drift.out << drift.err;
      const auto infer =
          run_conform({"infer", record_dir_, "--vendor", "finix", "--message", "response:200"});
      EXPECT_EQ(infer.exit_code, 0) << infer.out << infer.err;
      EXPECT_NE(infer.out.find("\"enabled\""), std::string::npos) << infer.out;
    } else {
      EXPECT_EQ(drift.exit_code, 1) << drift.out << drift.err;
      EXPECT_NE(drift.out.find("/created_at"), std::string::npos) << drift.out;
      EXPECT_NE(drift.out.find("finix/put-users-user-id/"), std::string::npos) << drift.out;
    }
  }
}

// Against `conform mock --profile drifted`, the strict proxy's findings name each change the
// vendor's schemas can see: renamed and new members, changed types and values, the changed
// error envelope.
TEST_F(ProxyInProcess, TheFindingsNameEachDriftedChange) {
  const std::map<std::string, std::vector<std::string>> changes{
      {"msp360",
       {"response:200: MSP360 Managed Backup sends response:200 with no body",
        "response:400: undocumented property \"error\" at /error",
        "response:400: missing required property \"Message\""}},
      {"formsonfire",
       {"response:200: undocumented property \"EmailAddress\" at /User/EmailAddress",
        "response:200: undocumented property \"SsoEnabled\" at /User/SsoEnabled",
        "at /User/TimeZoneOffSet", "response:400: missing required property \"ResponseStatus\""}},
      {"maiascore",
       {"response:200: undocumented property \"isBlocked\"",
        "response:200: undocumented property \"lastLoginAt\"",
        "response:200: expected type boolean but found string at /confirmed",
        "response:403: missing 2 required properties: \"code\" and \"message\""}},
      {"finix",
       {"response:200: undocumented property \"is_enabled\"",
        "response:200: missing required property \"enabled\"",
        "response:200: undocumented property \"risk_profile\"",
        "response:200: \"ROLE_SUPPORT\" is not one of the allowed values",
        "response:200: expected type string but found integer at /created_at",
        "response:400: missing 2 required properties: \"total\" and \"_embedded\""}},
      {"nexudus",
       {"response:200: undocumented property \"Success\"",
        "response:200: missing required property \"WasSuccessful\"",
        "response:200: undocumented property \"TraceId\"",
        "response:200: value must be 200 at /Status",
        "response:200: expected type integer but found string at /Value/Id",
        "response:400: undocumented property \"Messages\"; did you mean \"Message\"? at "
        "/Errors/*/Messages"}}};
  mock::MockOptions drifted;
  drifted.profile = "drifted";
  mock::MockServer mock(shipped_catalog(), drifted);
  mock.start();
  strict_ = true;
  std::map<std::string, std::unique_ptr<proxy::ProxyServer>> proxies;
  std::vector<std::string> arguments{"replay",        CONFORM_CASES_DIR, "--target",
                                     mock.base_url(), "--fixtures",      "--report-dir",
                                     TempDir().path()};
  for (const auto& [vendor, expected] : changes) {
    proxies[vendor] = start_proxy(vendor, mock.base_url() + "/" + vendor);
    arguments.push_back("--base");
    arguments.push_back(vendor + "=" + proxies[vendor]->base_url());
  }
  const auto replay = run_conform(arguments, "", 240);
  EXPECT_EQ(replay.exit_code, 1) << replay.out << replay.err;
  for (const auto& [vendor, expected] : changes) {
    std::string names;
    for (const CaseResult& result : proxies[vendor]->results().cases) names += result.name + "\n";
    for (const std::string& change : expected) {
      EXPECT_NE(names.find(change), std::string::npos) << vendor << ": " << change << "\n" << names;
    }
  }
}

// With --enforce every invalid request of the shipped cases is answered by the proxy in the
// vendor's envelope (so each case still passes) and never reaches the mock.
TEST_F(ProxyInProcess, EnforceAnswersInvalidRequestsItselfAndNeverForwardsThem) {
  std::ostringstream mock_log;
  mock::MockOptions options;
  options.access_log = &mock_log;
  mock::MockServer mock(shipped_catalog(), options);
  mock.start();
  TempDir dir;
  std::map<std::string, std::unique_ptr<proxy::ProxyServer>> proxies;
  std::vector<std::string> arguments{"replay",     CONFORM_CASES_DIR, "--target", mock.base_url(),
                                     "--fixtures", "--report-dir",    dir.path()};
  for (const char* vendor : kVendors) {
    proxies[vendor] = start_proxy(vendor, mock.base_url() + "/" + vendor, true);
    arguments.push_back("--base");
    arguments.push_back(std::string(vendor) + "=" + proxies[vendor]->base_url());
  }
  const auto replay = run_conform(arguments, "", 240);
  EXPECT_EQ(replay.exit_code, 0) << replay.out << replay.err;
  mock.stop();

  const std::string arrived = mock_log.str();
  // (401 and 403 still arrive: credentials that are present but wrong are the vendor's to
  // judge.)
  for (const char* refused : {" 400 ", " 413 ", " 415 "}) {
    EXPECT_EQ(arrived.find(refused), std::string::npos)
        << "a request the proxy refused reached the mock:" << refused << "\n"
        << arrived;
  }
  EXPECT_NE(arrived.find(" 200 "), std::string::npos) << "valid requests are forwarded";
  for (auto& [vendor, proxy] : proxies) {
    std::size_t refused = 0;
    for (const CaseResult& result : proxy->results().cases) {
      for (const StepResult& step : result.steps) {
        for (const Finding& finding : step.findings) {
          refused += finding.message.find("(not forwarded: --enforce)") != std::string::npos;
        }
      }
    }
    EXPECT_GT(refused, 0u) << vendor;
  }
}

TEST_F(ProxyInProcess, EnforceListsTheFindingsInTheVendorsEnvelope) {
  std::ostringstream mock_log;
  const auto mock = start_mock("finix", &mock_log);
  TempDir recording;
  record_dir_ = recording.path();
  const auto proxy = start_proxy("finix", mock->base_url(), true);
  const http::Response response =
      send(finix_update(proxy->base_url(), R"({"enabled":"yes","nickname":"x"})"));
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find("\"_embedded\""), std::string::npos) << response.body;
  EXPECT_NE(response.body.find("expected type boolean but found string"), std::string::npos)
      << response.body;
  EXPECT_NE(response.body.find("undocumented property \\\"nickname\\\""), std::string::npos)
      << response.body;
  EXPECT_EQ(mock_log.str(), "") << "nothing reached the mock";
  EXPECT_FALSE(fs::exists(recording.path() + "/finix/put-users-user-id"))
      << "the proxy's own refusal is no snapshot of the vendor";
}

// Credentials in headers, the query and bodies (JSON, XML, form) pass through the proxy to the
// target, but never reach its log, its reports or its snapshots, raw or in any encoding.
TEST_F(ProxyInProcess, SecretCanariesNeverReachTheLogOrTheReports) {
  mock::MockServer mock(shipped_catalog(), {});
  mock.start();
  TempDir dir;
  dir.write("vars.env", "secret tok=canary-auth-3141\n");
  dir.write("cases/header.json", R"({
  "name": "secrets in headers and the query", "vendor": "msp360",
  "steps": [{"method": "PUT", "path": "/api/Users", "query": {"access_token": "canary-query-66"},
             "headers": {"Authorization": "Bearer ${tok}", "X-Client-Secret": "canary-header-88"},
             "body": {"ID": "${user_id}", "FirstName": 7, "Password": "canary-pw-msp-1123"},
             "expect": {"status": 500}}]
})");
  dir.write("cases/json-members.json", test::kCanaryJsonMembersCase);
  dir.write("cases/xml-member.json", test::kCanaryXmlMemberCase);
  dir.write("cases/form-member.json", R"({
  "name": "a password in a form body", "vendor": "maiascore",
  "steps": [{"method": "PUT", "path": "/users/${user_id}", "format": "form",
             "body": "username=form-user&password=canary-form-2236&blocked=maybe",
             "expect": {"status": 500}}]
})");
  std::map<std::string, std::unique_ptr<proxy::ProxyServer>> proxies;
  std::vector<std::string> arguments{
      "replay",      dir.path() + "/cases",    "--target",     mock.base_url(),       "--fixtures",
      "--vars-file", dir.path() + "/vars.env", "--report-dir", dir.path() + "/replay"};
  record_dir_ = dir.path() + "/proxy/snapshots";
  for (const char* vendor : {"msp360", "nexudus", "formsonfire", "maiascore"}) {
    proxies[vendor] = start_proxy(vendor, mock.base_url() + "/" + vendor);
    arguments.push_back("--base");
    arguments.push_back(std::string(vendor) + "=" + proxies[vendor]->base_url());
  }
  const auto replay = run_conform(arguments);
  EXPECT_EQ(replay.exit_code, 1) << replay.out << replay.err;
  for (auto& [vendor, proxy] : proxies) {
    proxy->stop();
    const RunResult run = proxy->results();
    ASSERT_FALSE(run.cases.empty()) << vendor << ": the proxy saw nothing";
    report::write_reports(run, dir.path() + "/proxy/" + vendor);
  }
  const std::string log = log_.str();
  EXPECT_NE(log.find("access_token=***"), std::string::npos) << log;
  std::size_t files = 0;
  for (const char* canary : {"canary-auth-3141", "canary-query-66", "canary-header-88",
                             "canary-pw-msp-1123", "canary-pw-9973", "canary-salt-5772",
                             "canary-2fa-1414", "canary-ik-xml-1732", "canary-form-2236"}) {
    EXPECT_EQ(log.find(canary), std::string::npos) << canary << " in the proxy's log:\n" << log;
    for (const auto& entry : fs::recursive_directory_iterator(dir.path() + "/proxy")) {
      if (!entry.is_regular_file()) continue;
      ++files;
      EXPECT_EQ(test::read_file(entry.path()).find(canary), std::string::npos)
          << canary << " in " << entry.path();
    }
  }
  EXPECT_GE(files, 4u * 5u + 4u) << "five reports from each of four proxies, and snapshots";
}

}  // namespace
}  // namespace conform
