#include "replay/executor.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "replay/assertion.hpp"
#include "replay/run.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform::replay {
namespace {
namespace fs = std::filesystem;

// The test-only vendor "acme" (tests/data/vendors/acme), served by a tiny fake on
// 127.0.0.1: PATCH /v2/members/{id} with basic auth mock:secret-pw, GET reads back.
class AcmeServer {
 public:
  AcmeServer() {
    server_.set_tcp_nodelay(true);
    server_.Patch(R"(/v2/members/([^/]+))", [this](const httplib::Request& req,
                                                   httplib::Response& res) {
      ++requests;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        last_version_header = req.get_header_value("Acme-Api-Version");
        last_query = req.get_param_value("notify");
      }
      if (req.get_header_value("Authorization") != "Basic bW9jazpzZWNyZXQtcHc=") {
        res.status = 401;
        res.set_content(R"({"error": {"code": "unauthorized", "detail": "who are you?"}})",
                        "application/json");
        return;
      }
      if (req.matches[1] != "mem_1") {
        res.status = 404;
        res.set_content(R"({"error": {"code": "not_found", "detail": "no member"}})",
                        "application/json");
        return;
      }
      if (req.body.find("\"display_name\":\"\"") != std::string::npos) {
        res.status = 400;
        res.set_content(
            R"({"error": {"code": "invalid_request", "detail": "display_name is empty"}})",
            "application/json");
        return;
      }
      if (req.body.find("break-schema") != std::string::npos) {
        res.set_content(R"({"member_id": "mem_1"})", "application/json");
        return;
      }
      std::lock_guard<std::mutex> lock(mutex_);
      stored_ = req.body;
      res.set_content(R"({"member_id": "mem_1", "updated_at": "2026-11-23T12:00:00Z", "echo": )" +
                          req.body + "}",
                      "application/json");
    });
    server_.Get(R"(/v2/members/mem_1)", [this](const httplib::Request&, httplib::Response& res) {
      ++requests;
      std::lock_guard<std::mutex> lock(mutex_);
      res.set_content(R"({"member_id": "mem_1", "updated_at": "2026-11-23T12:00:00Z", "echo": )" +
                          (stored_.empty() ? std::string("null") : stored_) + "}",
                      "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~AcmeServer() {
    server_.stop();
    thread_.join();
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  std::atomic<int> requests{0};
  std::string last_version_header;
  std::string last_query;

 private:
  httplib::Server server_;
  std::thread thread_;
  std::mutex mutex_;
  std::string stored_;
  int port_ = 0;
};

Json json(const char* text) {
  auto document = std::make_shared<rapidjson::Document>();
  document->Parse(text);
  return document;
}

Assertion assert_equals(const char* pointer, const char* value) {
  Assertion assertion;
  assertion.source.pointer = pointer;
  assertion.equals = json(value);
  return assertion;
}

class ExecutorTest : public ::testing::Test {
 protected:
  ExecutorTest()
      : catalog_(contracts::Catalog::load(CONFORM_SOURCE_DIR "/tests/data/vendors")),
        executor_(*catalog_, RunOptions{}) {
    target_.manifest = catalog_->find("acme");
    target_.base_url = server_.base_url();
    target_.variables.set("username", "mock", true);
    target_.variables.set("password", "secret-pw", true);
    target_.variables.set("member", "mem_1");
    client_options_.retries = 0;
    client_options_.read_timeout_ms = 2000;
  }

  static Step patch(const char* body) {
    Step step;
    step.name = "patch";
    step.method = "PATCH";
    step.path = "/v2/members/${member}";
    step.body = json(body);
    step.expect.statuses = {200};
    return step;
  }

  // `n` acme cases named "case 0", "case 1", ..., each one passing PATCH.
  static std::vector<Case> patch_cases(std::size_t n) {
    std::vector<Case> cases(n);
    for (std::size_t i = 0; i < n; ++i) {
      cases[i].vendor = "acme";
      cases[i].name = "case " + std::to_string(i);
      cases[i].steps = {patch(R"({"display_name": "n"})")};
    }
    return cases;
  }
  static std::vector<const Case*> pointers_to(const std::vector<Case>& cases) {
    std::vector<const Case*> pointers;
    for (const auto& c : cases) pointers.push_back(&c);
    return pointers;
  }

  CaseResult run(const Case& c) {
    http::Client client(client_options_);
    return executor_.run(c, target_, client);
  }

  AcmeServer server_;
  std::shared_ptr<contracts::Catalog> catalog_;
  Executor executor_;
  VendorTarget target_;
  http::ClientOptions client_options_;
};

TEST_F(ExecutorTest, APassingCaseRecordsTheExchangeWithoutItsCredentials) {
  Case c;
  c.name = "rename";
  c.vendor = "acme";
  Step step = patch(R"({"display_name": "Zoë"})");
  step.query = {{"notify", "no"}};
  step.expect.assertions = {assert_equals("/echo/display_name", R"("Zoë")")};
  c.steps = {step};

  const CaseResult result = run(c);
  ASSERT_EQ(result.outcome, Outcome::passed) << result.steps[0].findings[0].message;
  const Exchange& exchange = result.steps[0].exchange;
  EXPECT_EQ(exchange.method, "PATCH");
  EXPECT_EQ(exchange.url, server_.base_url() + "/v2/members/mem_1?notify=no");
  EXPECT_EQ(exchange.status, 200);
  EXPECT_EQ(server_.last_version_header, "3") << "the manifest's fixed header is sent";
  EXPECT_EQ(server_.last_query, "no");
  bool saw_auth = false;
  for (const auto& [name, value] : exchange.request_headers) {
    if (name == "Authorization") {
      saw_auth = true;
      EXPECT_EQ(value, "Basic ***");
    }
  }
  EXPECT_TRUE(saw_auth);
  EXPECT_TRUE(result.steps[0].curl.empty()) << "only failed steps carry a reproducer";
}

TEST_F(ExecutorTest, AnOmittedHeaderIsNotSentThoughTheManifestOrTheFormatWouldAddIt) {
  Case c;
  c.vendor = "acme";
  Step step = patch(R"({"display_name": "n"})");
  // Names compare as HTTP's do, without case.
  step.omitted_headers = {"acme-api-version", "Content-Type"};
  c.steps = {step};

  const CaseResult result = run(c);
  ASSERT_EQ(result.outcome, Outcome::passed) << result.steps[0].findings[0].message;
  EXPECT_EQ(server_.last_version_header, "");
  std::vector<std::string> sent;
  for (const auto& header : result.steps[0].exchange.request_headers) sent.push_back(header.first);
  EXPECT_EQ(sent, std::vector<std::string>{"Authorization"});
}

TEST_F(ExecutorTest, AMockOnlyCaseIsNotApplicableOnALiveTargetAndSaysWhy) {
  Case c;
  c.name = "contract only";
  c.vendor = "acme";
  c.mock_only = "the live server drops undocumented members";
  c.steps = {patch(R"({"display_name": "Zoë"})")};

  target_.live = true;
  const CaseResult skipped = run(c);
  EXPECT_EQ(skipped.outcome, Outcome::skipped);
  EXPECT_EQ(server_.requests, 0) << "nothing is sent";
  ASSERT_EQ(skipped.steps.size(), 1u);
  ASSERT_EQ(skipped.steps[0].findings.size(), 1u);
  EXPECT_EQ(skipped.steps[0].findings[0].keyword, "not-applicable");
  EXPECT_EQ(skipped.steps[0].findings[0].message,
            "not applicable on a live target: the live server drops undocumented members");

  target_.live = false;
  EXPECT_EQ(run(c).outcome, Outcome::passed) << "against the mock it runs";
  EXPECT_EQ(server_.requests, 1);
}

TEST_F(ExecutorTest, CapturesCarryValuesToLaterSteps) {
  Case c;
  c.vendor = "acme";
  Step write = patch(R"({"display_name": "Ada"})");
  write.captures = {{"stamp", Source{"/updated_at", ""}}};
  Step read;
  read.name = "read";
  read.method = "GET";
  read.path = "/v2/members/mem_1";
  read.expect.statuses = {200};
  read.expect.schema = "response:200";
  read.expect.assertions = {assert_equals("/echo/display_name", R"("Ada")"),
                            assert_equals("/updated_at", R"("${stamp}")")};
  c.steps = {write, read};
  const CaseResult result = run(c);
  EXPECT_EQ(result.outcome, Outcome::passed) << result.steps[1].findings[0].message;
}

// The run's one options type: the client's TLS settings are the ones its curl reproducers
// repeat.
TEST_F(ExecutorTest, ReproducersRepeatTheClientsTlsSettings) {
  RunOptions options;
  options.client.insecure = true;
  options.client.ca_cert_file = "/etc/ca.pem";
  const Executor executor(*catalog_, options);
  Case c;
  c.vendor = "acme";
  Step failing = patch(R"({"display_name": "x"})");
  failing.expect.statuses = {201};
  c.steps = {failing};
  http::Client client(client_options_);
  const CaseResult result = executor.run(c, target_, client);
  ASSERT_EQ(result.outcome, Outcome::failed);
  EXPECT_NE(result.steps[0].curl.find(" -k --cacert /etc/ca.pem"), std::string::npos)
      << result.steps[0].curl;
}

TEST_F(ExecutorTest, RunAfterFailureRunsTheRestButAnErrorStillStops) {
  RunOptions options;
  options.run_after_failure = true;
  const Executor keep_going(*catalog_, options);
  Case c;
  c.vendor = "acme";
  Step failing = patch(R"({"display_name": "x"})");
  failing.expect.statuses = {201};
  Step unset = patch("{}");
  unset.path = "/v2/members/${nobody}";
  c.steps = {failing, patch(R"({"display_name": "y"})"), unset, patch("{}")};

  http::Client client(client_options_);
  const CaseResult result = keep_going.run(c, target_, client);
  ASSERT_EQ(result.steps.size(), 4u);
  EXPECT_EQ(result.steps[0].outcome, Outcome::failed);
  EXPECT_EQ(result.steps[1].outcome, Outcome::passed);
  EXPECT_EQ(result.steps[1].exchange.status, 200);
  EXPECT_EQ(result.steps[2].outcome, Outcome::error);
  EXPECT_EQ(result.steps[3].outcome, Outcome::skipped);
  EXPECT_EQ(server_.requests, 2);
}

TEST_F(ExecutorTest, AWrongStatusFailsTheStepWithARedactedCurlAndSkipsTheRest) {
  Case c;
  c.vendor = "acme";
  Step step = patch(R"({"display_name": "x", "api_secret": "canary-3141"})");
  step.auth.mode = Auth::Mode::custom;
  step.auth.credentials = {{"username", "mock"}, {"password", "wrong-pw"}};
  c.steps = {step, patch("{}")};

  const CaseResult result = run(c);
  EXPECT_EQ(result.outcome, Outcome::failed);
  ASSERT_EQ(result.steps.size(), 2u);
  EXPECT_EQ(result.steps[1].outcome, Outcome::skipped);
  const StepResult& failed = result.steps[0];
  ASSERT_FALSE(failed.findings.empty());
  EXPECT_EQ(failed.findings[0].keyword, "status");
  EXPECT_EQ(failed.findings[0].expected, "200");
  EXPECT_EQ(failed.findings[0].actual, "401");
  EXPECT_NE(failed.curl.find("curl "), std::string::npos);
  EXPECT_NE(failed.curl.find("Authorization: Basic ***"), std::string::npos);
  EXPECT_EQ(failed.curl.find("canary-3141"), std::string::npos) << "a secret body field leaked";
  EXPECT_EQ(failed.exchange.request_body.find("canary-3141"), std::string::npos);
  EXPECT_NE(failed.exchange.request_body.find("***"), std::string::npos);
}

TEST_F(ExecutorTest, TheResponseIsCheckedAgainstTheVendorSchemaForItsStatus) {
  Case c;
  c.vendor = "acme";
  c.steps = {patch(R"({"display_name": "break-schema"})")};
  const CaseResult result = run(c);
  EXPECT_EQ(result.outcome, Outcome::failed);
  ASSERT_FALSE(result.steps[0].findings.empty());
  EXPECT_EQ(result.steps[0].findings[0].keyword, "required");
  EXPECT_NE(result.steps[0].findings[0].message.find("response:200"), std::string::npos);
}

TEST_F(ExecutorTest, DefaultsRulesApplyByStatusClass) {
  VendorDefaults defaults;
  defaults.file = "defaults.json";
  StatusRule rule;
  rule.status = "4xx";
  rule.description = "errors name their code";
  rule.assertions = {assert_equals("/error/code", R"("invalid_request")")};
  defaults.rules = {rule};
  target_.defaults = &defaults;

  Case c;
  c.vendor = "acme";
  Step bad = patch(R"({"display_name": ""})");
  bad.expect.statuses = {400};
  c.steps = {bad};
  EXPECT_EQ(run(c).outcome, Outcome::passed);

  Step unknown = patch(R"({"display_name": "x"})");
  unknown.path = "/v2/members/mem_404";
  unknown.expect.statuses = {404};
  c.steps = {unknown};
  const CaseResult result = run(c);
  EXPECT_EQ(result.outcome, Outcome::failed);
  ASSERT_FALSE(result.steps[0].findings.empty());
  EXPECT_NE(result.steps[0].findings.back().message.find("defaults.json rule for 4xx"),
            std::string::npos)
      << result.steps[0].findings.back().message;
}

TEST_F(ExecutorTest, UnsetVariablesAndPlaceholdersStopTheStepBeforeSending) {
  Case c;
  c.vendor = "acme";
  Step unset = patch("{}");
  unset.path = "/v2/members/${nobody}";
  c.steps = {unset};
  CaseResult result = run(c);
  EXPECT_EQ(result.outcome, Outcome::error);
  EXPECT_EQ(result.steps[0].findings[0].keyword, "variable");

  for (const char* path : {"/v2/members/{member_id}", "/v2/members/%7Bid%7D"}) {
    Step placeholder = patch("{}");
    placeholder.path = path;
    c.steps = {placeholder};
    result = run(c);
    EXPECT_EQ(result.outcome, Outcome::error) << path;
    ASSERT_FALSE(result.steps[0].findings.empty());
    EXPECT_EQ(result.steps[0].findings[0].keyword, "placeholder") << path;
  }
  EXPECT_EQ(server_.requests, 0) << "nothing may be sent with a placeholder in the URL";
}

TEST_F(ExecutorTest, ACapturedLineBreakInAHeaderStopsTheStepBeforeSending) {
  Case c;
  c.vendor = "acme";
  Step write = patch(R"({"display_name": "a\r\nX-Evil: 1"})");
  write.captures = {{"tok", Source{"/echo/display_name", ""}}};
  Step next = patch("{}");
  next.headers = {{"X-Note", "${tok}"}};
  c.steps = {write, next};
  const CaseResult result = run(c);
  EXPECT_EQ(result.outcome, Outcome::error);
  ASSERT_EQ(result.steps.size(), 2u);
  ASSERT_FALSE(result.steps[1].findings.empty());
  EXPECT_EQ(result.steps[1].findings[0].keyword, "header");
  EXPECT_EQ(result.steps[1].findings[0].message,
            "the header \"X-Note\" holds a carriage return (CR) in its value; a header cannot "
            "carry one (from a variable or a capture?)");
  EXPECT_EQ(server_.requests, 1) << "the second request may not be sent";
}

TEST_F(ExecutorTest, AVariableWhoseValueNamesAVariableIsAnErrorNotSentAsWritten) {
  target_.variables.set("name", "${member}");
  Case c;
  c.vendor = "acme";
  c.steps = {patch(R"({"display_name": "${name}"})"), patch("{}")};
  const CaseResult result = run(c);
  EXPECT_EQ(result.outcome, Outcome::error);
  ASSERT_EQ(result.steps.size(), 2u);
  ASSERT_EQ(result.steps[0].findings.size(), 1u);
  EXPECT_EQ(result.steps[0].findings[0].keyword, "variable");
  EXPECT_EQ(result.steps[0].findings[0].message.rfind("${name} refers to ${member}", 0), 0u);
  EXPECT_EQ(result.steps[1].outcome, Outcome::skipped);
  EXPECT_EQ(server_.requests, 0);
}

TEST_F(ExecutorTest, AnUnreachableTargetIsATransportError) {
  target_.base_url = "http://127.0.0.1:1";
  Case c;
  c.vendor = "acme";
  c.steps = {patch("{}")};
  const CaseResult result = run(c);
  EXPECT_EQ(result.outcome, Outcome::error);
  EXPECT_EQ(result.steps[0].exchange.status, 0);
  EXPECT_EQ(result.steps[0].findings[0].keyword, "transport");
}

TEST_F(ExecutorTest, SecretVariablesNeverReachTheResult) {
  target_.variables.set("note", "canary-2718", true);
  Case c;
  c.vendor = "acme";
  Step step = patch(R"({"display_name": "${note}"})");
  step.expect.statuses = {201};  // fail on purpose: failures carry the most text
  c.steps = {step};
  const CaseResult result = run(c);
  const StepResult& s = result.steps[0];
  for (const std::string* text : {&s.exchange.request_body, &s.exchange.response_body, &s.curl}) {
    EXPECT_EQ(text->find("canary-2718"), std::string::npos) << *text;
  }
  EXPECT_NE(s.exchange.response_body.find("***"), std::string::npos);
}

TEST_F(ExecutorTest, RunCasesKeepsTheOrderAndHonoursFailFast) {
  std::vector<Case> cases = patch_cases(6);
  const std::vector<const Case*> pointers = pointers_to(cases);
  const std::map<std::string, VendorTarget> targets{{"acme", target_}};
  RunOptions options;
  options.jobs = 3;
  options.client = client_options_;
  std::size_t reported = 0;
  const RunResult run = run_cases(pointers, targets, *catalog_, options,
                                  [&](const CaseResult&, std::size_t done, std::size_t total) {
                                    EXPECT_EQ(total, 6u);
                                    reported = done;
                                  });
  EXPECT_EQ(reported, 6u);
  ASSERT_EQ(run.cases.size(), 6u);
  for (std::size_t i = 0; i < run.cases.size(); ++i) {
    EXPECT_EQ(run.cases[i].name, "case " + std::to_string(i));
    EXPECT_EQ(run.cases[i].outcome, Outcome::passed);
  }

  cases[0].steps[0].expect.statuses = {500};
  options.jobs = 1;
  options.fail_fast = true;
  const RunResult stopped = run_cases(pointers, targets, *catalog_, options);
  EXPECT_EQ(stopped.cases[0].outcome, Outcome::failed);
  for (std::size_t i = 1; i < stopped.cases.size(); ++i) {
    EXPECT_EQ(stopped.cases[i].outcome, Outcome::skipped);
  }
}

TEST_F(ExecutorTest, RunCasesStartsNoCaseAfterTheDeadline) {
  std::vector<Case> cases = patch_cases(6);
  const std::map<std::string, VendorTarget> targets{{"acme", target_}};
  RunOptions options;
  options.client = client_options_;
  // The deadline passes once the third case is done: set from the progress callback, on the
  // only worker's thread.
  const RunResult run = run_cases(pointers_to(cases), targets, *catalog_, options,
                                  [&](const CaseResult&, std::size_t done, std::size_t) {
                                    if (done == 3)
                                      options.deadline = std::chrono::steady_clock::now();
                                  });
  ASSERT_EQ(run.cases.size(), 6u);
  for (std::size_t i = 0; i < run.cases.size(); ++i) {
    EXPECT_EQ(run.cases[i].outcome, i < 3 ? Outcome::passed : Outcome::skipped) << i;
  }
  EXPECT_EQ(server_.requests, 3);
}

// A response schema compiles when a worker first checks a response against it: a broken one
// comes back from run_cases as the worker's exception, every thread ended, not as a
// std::terminate out of the worker.
TEST_F(ExecutorTest, RunCasesThrowsWhatAWorkerThrew) {
  test::TempDir copy;
  const fs::path vendors(copy.path());
  for (const char* file : {"manifest.schema.json", "mock.schema.json"}) {
    fs::copy(fs::path(CONFORM_SCHEMAS_DIR) / file, vendors / file);
  }
  fs::copy(CONFORM_SOURCE_DIR "/tests/data/vendors/acme", vendors / "acme",
           fs::copy_options::recursive);
  std::ofstream(vendors / "acme" / "response-200.schema.json")
      << R"({"type": "object", "properties": {"member_id": {"pattern": "(["}}})";
  const auto broken = contracts::Catalog::load(vendors);
  VendorTarget target = target_;
  target.manifest = broken->find("acme");

  const std::vector<Case> cases = patch_cases(4);
  const std::vector<const Case*> pointers = pointers_to(cases);
  RunOptions options;
  options.jobs = 2;
  options.client = client_options_;
  try {
    run_cases(pointers, {{"acme", target}}, *broken, options);
    ADD_FAILURE() << "run_cases returned";
  } catch (const schema::SchemaError& e) {
    EXPECT_NE(std::string(e.what()).find("response-200.schema.json"), std::string::npos)
        << e.what();
  }
}

TEST(SecretBodyValues, FindsSecretMembersInEveryFormat) {
  const std::vector<std::string> fields{"Password", "IntegrationKey"};
  EXPECT_EQ(secret_body_values(R"({"a": {"Password": "p1"}, "IntegrationKey": "k1"})", Format::json,
                               fields),
            (std::vector<std::string>{"p1", "k1"}));
  EXPECT_EQ(
      secret_body_values("<User><IntegrationKey>k2</IntegrationKey><Password>p2</Password></User>",
                         Format::xml, fields),
      (std::vector<std::string>{"k2", "p2"}));
  // Prefixed, with attributes, nested, and in a body that is not well-formed: found all the
  // same. A longer name, a self-closed element and an attribute named like a field are not.
  EXPECT_EQ(secret_body_values(
                "<a:User xmlns:a=\"urn:x\"><a:Password kind=\"x\">p4</a:Password><PasswordHint>h"
                "</PasswordHint><Password/><Note Password=\"no\">n</Note><x><IntegrationKey>k4</x>",
                Format::xml, fields),
            (std::vector<std::string>{"p4", "k4"}));
  const auto form = secret_body_values("a=1&Password=p%203&b=2", Format::form, fields);
  ASSERT_EQ(form.size(), 2u);
  EXPECT_EQ(form[0], "p 3");
}

}  // namespace
}  // namespace conform::replay
