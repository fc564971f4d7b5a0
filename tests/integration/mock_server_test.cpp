// The mock over loopback: every vendor and every status, each body checked against the
// vendor's response schema; read-after-write, concurrency, the state file, faults and the
// drifted profile.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "contracts/catalog.hpp"
#include "mock/server.hpp"
#include "mock/vendor_mock.hpp"
#include "support/catalogs.hpp"

namespace conform::mock {
namespace {

namespace fs = std::filesystem;

using test::shipped_catalog;

// The test-only vendor (tests/data/vendors/acme) with its mock member: the tests of the
// mock's generic behaviour (concurrency, the state file, faults, latency) use it, so a change
// to a shipped vendor's contract does not touch them.
std::shared_ptr<const contracts::Catalog> acme_catalog() {
  static const auto loaded = contracts::Catalog::load(CONFORM_TESTS_DIR "/data/vendors");
  return loaded;
}

// One request as a test sends it.
struct Call {
  std::string method = "PUT";
  std::string path;  // inside the vendor's mount
  httplib::Headers headers;
  std::string body;
  std::string content_type = "application/json";
};

// A valid update and the ways to break it, per vendor.
struct VendorCase {
  std::string vendor;
  Call valid;
  Call invalid;          // fails the request schema: 400
  Call unauthenticated;  // 401, or the status the vendor documents for it
  int unauthenticated_status = 401;
  Call unknown_user;  // 404
  std::optional<Call> read;
  std::optional<Call> forbidden;            // 403
  std::vector<std::string> invalid_fields;  // what the 400 must name
};

// acme's seed member m-1: an update (body `body`) and its read.
const httplib::Headers kAcmeAuth{{"Authorization", "Basic dGVzdGVyOnB3"},
                                 {"Acme-Api-Version", "3"}};
Call acme_update(const std::string& body = R"({"active":false,"display_name":"Ann"})") {
  return {"PATCH", "/v2/members/m-1", kAcmeAuth, body};
}
const Call kAcmeRead{"GET", "/v2/members/m-1", kAcmeAuth, "", ""};

std::vector<VendorCase> vendor_cases() {
  std::vector<VendorCase> cases;
  {
    VendorCase c;
    c.vendor = "msp360";
    const httplib::Headers auth{{"Authorization", "Bearer mock-token"}};
    c.valid = {
        "PUT", "/api/Users", auth,
        R"({"ID":"9d6de082-741c-44fe-b067-1a36eb03fa40","Enabled":false,"FirstName":"Ann"})"};
    c.invalid = {"PUT", "/api/Users", auth,
                 R"({"ID":"9d6de082-741c-44fe-b067-1a36eb03fa40","LicenseManagementMode":1})"};
    c.invalid_fields = {"LicenseManagementMode"};
    c.unauthenticated = c.valid;
    c.unauthenticated.headers = {{"Authorization", "Bearer wrong"}};
    c.unknown_user = {"PUT", "/api/Users", auth,
                      R"({"ID":"00000000-0000-0000-0000-000000000000"})"};
    c.read = Call{"GET", "/api/Users/9d6de082-741c-44fe-b067-1a36eb03fa40", auth, "", ""};
    cases.push_back(c);
  }
  {
    VendorCase c;
    c.vendor = "formsonfire";
    const std::string key = R"("CompanyId":12345,"IntegrationKey":"mock-integration-key")";
    c.valid = {"PUT",
               "/api/v2/user?format=json",
               {},
               R"({"Id":"2ebc64a36a0d400d8c1e5b7a9f3d6e24","FirstName":"Ann",)" + key + "}"};
    c.invalid = {"PUT",
                 "/api/v2/user?format=json",
                 {},
                 R"({"Id":"2ebc64a36a0d400d8c1e5b7a9f3d6e24","Type":"Gold",)" + key + "}"};
    c.invalid_fields = {"Type"};
    c.unauthenticated = {"PUT",
                         "/api/v2/user?format=json",
                         {},
                         R"({"Id":"2ebc64a36a0d400d8c1e5b7a9f3d6e24","CompanyId":12345,)"
                         R"("IntegrationKey":"wrong"})"};
    c.unknown_user = {"PUT",
                      "/api/v2/user?format=json",
                      {},
                      R"({"Id":"ffffffffffffffffffffffffffffffff",)" + key + "}"};
    cases.push_back(c);
  }
  {
    VendorCase c;
    c.vendor = "maiascore";
    const httplib::Headers auth{{"Authorization", "Bearer mock-token"}};
    c.valid = {"PUT", "/users/64b7f3c2a1e4d5f6a7b8c9d0", auth,
               R"({"blocked":true,"reports":["maia-0123456789ab"],"role":"editor"})"};
    c.invalid = {"PUT", "/users/64b7f3c2a1e4d5f6a7b8c9d0", auth,
                 R"({"blocked":"yes","reports":["nope"]})"};
    c.invalid_fields = {"blocked", "reports.0"};
    c.unauthenticated = c.valid;
    c.unauthenticated.headers = {};
    // Its page lists only 403 ("this operation requires authentication").
    c.unauthenticated_status = 403;
    c.unknown_user = {"PUT", "/users/%7Bid%7D", auth, R"({"blocked":true})"};
    c.read = Call{"GET", "/users/64b7f3c2a1e4d5f6a7b8c9d0", auth, "", ""};
    cases.push_back(c);
  }
  {
    VendorCase c;
    c.vendor = "finix";
    const httplib::Headers auth{{"Authorization", "Basic bW9jay11c2VyOm1vY2stcGFzc3dvcmQ="},
                                {"Finix-Version", "2022-02-01"}};
    c.valid = {"PUT", "/users/USsRhsHYZGBPnQw8CByJyEQW", auth,
               R"({"enabled":false,"tags":{"order_number":"25"}})"};
    c.invalid = {"PUT", "/users/USsRhsHYZGBPnQw8CByJyEQW", auth,
                 R"({"enabled":"no","tags":{"k":1}})"};
    c.invalid_fields = {"enabled", "tags.k"};
    c.unauthenticated = c.valid;
    c.unauthenticated.headers = {{"Authorization", "Basic bW9jay11c2VyOndyb25n"},
                                 {"Finix-Version", "2022-02-01"}};
    c.unknown_user = {"PUT", "/users/USnobody", auth, R"({"enabled":true})"};
    c.read = Call{"GET", "/users/USsRhsHYZGBPnQw8CByJyEQW", auth, "", ""};
    cases.push_back(c);
  }
  {
    VendorCase c;
    c.vendor = "nexudus";
    const httplib::Headers auth{{"Authorization", "Bearer mock-token"}};
    const std::string rest =
        R"("FullName":"Ann Lee","Language":1,"PasswordSalt":"s","LastHelpVisited":0,)"
        R"("InvalidLoginAttempts":0)";
    c.valid = {"PUT", "/api/sys/users", auth,
               R"({"Id":1001,"Email":"ann@example.com",)" + rest + "}"};
    c.invalid = {"PUT", "/api/sys/users", auth,
                 R"({"Id":1001,"Email":"not-an-email","FullName":"Ann","Language":9,)"
                 R"("PasswordSalt":"s","LastHelpVisited":0,"InvalidLoginAttempts":0})"};
    c.invalid_fields = {"Email", "Language"};
    c.unauthenticated = c.valid;
    c.unauthenticated.headers = {};
    c.unknown_user = {"PUT", "/api/sys/users", auth,
                      R"({"Id":424242,"Email":"ann@example.com",)" + rest + "}"};
    c.read = Call{"GET", "/api/sys/users/1001", auth, "", ""};
    c.forbidden = c.valid;
    c.forbidden->headers = {{"Authorization", "Bearer mock-token-readonly"}};
    cases.push_back(c);
  }
  return cases;
}

class Server {
 public:
  explicit Server(MockOptions options = {},
                  std::shared_ptr<const contracts::Catalog> from = shipped_catalog())
      : server_(std::move(from), prepare(std::move(options))) {
    port_ = server_.start();
  }

  httplib::Result send(const std::string& vendor, const Call& call) {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(10, 0);
    client.set_connection_timeout(5, 0);
    const std::string path = server_.mount_point(vendor) + call.path;
    if (call.method == "GET") return client.Get(path.c_str(), call.headers);
    if (call.method == "DELETE") return client.Delete(path.c_str(), call.headers);
    if (call.method == "PATCH") {
      return client.Patch(path.c_str(), call.headers, call.body, call.content_type.c_str());
    }
    if (call.method == "POST") {
      return client.Post(path.c_str(), call.headers, call.body, call.content_type.c_str());
    }
    return client.Put(path.c_str(), call.headers, call.body, call.content_type.c_str());
  }

  MockServer& server() { return server_; }
  std::string log() const { return log_.str(); }

 private:
  MockOptions prepare(MockOptions options) {
    options.access_log = &log_;
    if (options.max_body_bytes == (1u << 20)) options.max_body_bytes = 4096;
    return options;
  }
  std::ostringstream log_;
  MockServer server_;
  int port_ = 0;
};

// The message a response with `status` must follow: the documented one, else the one the
// mock's template names.
const contracts::MessageSpec* message_for(const std::string& vendor, int status,
                                          const std::string& template_key) {
  const contracts::Manifest& manifest = *shipped_catalog()->find(vendor);
  if (template_key != "read") {
    const auto* documented = shipped_catalog()->message(
        manifest, MessageId{MessageId::Kind::response, std::to_string(status)});
    if (documented) return documented;
  }
  const VendorMock mock = read_vendor_mock(manifest);
  const ResponseTemplate* tmpl = mock.response("default", template_key);
  if (!tmpl) return nullptr;
  const std::string validates_as = !tmpl->validates_as.empty() ? tmpl->validates_as
                                   : template_key == "read"    ? "response:200"
                                                               : "";
  if (validates_as.empty()) return nullptr;
  return shipped_catalog()->message(manifest, *parse_message_id(validates_as));
}

bool documents(const std::string& vendor, int status) {
  return shipped_catalog()->message(*shipped_catalog()->find(vendor),
                                    MessageId{MessageId::Kind::response, std::to_string(status)}) !=
         nullptr;
}

// Checks the body against the vendor's schema for the status.
void expect_conforms(const std::string& vendor, const httplib::Result& result, int status,
                     const std::string& template_key) {
  ASSERT_TRUE(result) << vendor << " " << status << ": no response";
  ASSERT_EQ(result->status, status) << vendor << ": " << result->body;
  const contracts::MessageSpec* message = message_for(vendor, status, template_key);
  ASSERT_NE(message, nullptr) << vendor << " " << status << ": no message to check against";
  contracts::CheckOptions options;
  options.format = Format::json;
  const PayloadResult checked =
      shipped_catalog()->check(*shipped_catalog()->find(vendor), *message, result->body, options);
  for (const auto& finding : checked.findings) {
    // Statuses the vendor does not document keep its envelope but carry their own status
    // in it (nexudus "Status": 413), which the borrowed schema's constant cannot know.
    if (!documents(vendor, status) && finding.pointer == "/Status") continue;
    ADD_FAILURE() << vendor << " " << status << " " << message->id.name() << ": " << finding.pointer
                  << " " << finding.message << "\n"
                  << result->body;
  }
}

TEST(MockServer, EveryVendorAnswersEveryStatusInItsDocumentedShape) {
  Server mock;
  for (const VendorCase& c : vendor_cases()) {
    SCOPED_TRACE(c.vendor);
    expect_conforms(c.vendor, mock.send(c.vendor, c.valid), 200, "200");
    if (c.read) expect_conforms(c.vendor, mock.send(c.vendor, *c.read), 200, "read");

    const auto invalid = mock.send(c.vendor, c.invalid);
    expect_conforms(c.vendor, invalid, 400, "400");
    for (const auto& field : c.invalid_fields) {
      EXPECT_NE(invalid->body.find(field), std::string::npos)
          << c.vendor << ": the 400 does not name " << field << ": " << invalid->body;
    }
    expect_conforms(c.vendor, mock.send(c.vendor, c.unauthenticated), c.unauthenticated_status,
                    std::to_string(c.unauthenticated_status));
    if (c.forbidden) expect_conforms(c.vendor, mock.send(c.vendor, *c.forbidden), 403, "403");
    expect_conforms(c.vendor, mock.send(c.vendor, c.unknown_user), 404, "404");

    Call wrong_method = c.valid;
    wrong_method.method = "DELETE";
    const auto not_allowed = mock.send(c.vendor, wrong_method);
    expect_conforms(c.vendor, not_allowed, 405, "405");
    EXPECT_TRUE(not_allowed->has_header("Allow"));

    Call wrong_type = c.valid;
    wrong_type.content_type = "text/plain";
    expect_conforms(c.vendor, mock.send(c.vendor, wrong_type), 415, "415");

    Call too_large = c.valid;
    too_large.body = std::string(5000, ' ') + c.valid.body;
    expect_conforms(c.vendor, mock.send(c.vendor, too_large), 413, "413");
  }
}

// Every status the mock sends without injected faults is a message of the manifest (the
// vendor's own, or one HTTP defines and the manifest marks "origin": "http"), so Prism and
// the coverage table know it; none falls back to a borrowed schema.
TEST(MockServer, EveryStatusTheMockSendsIsInTheManifest) {
  for (const VendorCase& c : vendor_cases()) {
    SCOPED_TRACE(c.vendor);
    std::set<int> statuses = {200, 400, c.unauthenticated_status, 404, 405, 413, 415};
    if (c.forbidden) statuses.insert(403);
    for (const int status : statuses) {
      EXPECT_TRUE(documents(c.vendor, status)) << c.vendor << " sends " << status;
    }
  }
  const contracts::Manifest& msp360 = *shipped_catalog()->find("msp360");
  const auto* unsupported =
      shipped_catalog()->message(msp360, MessageId{MessageId::Kind::response, "415"});
  ASSERT_NE(unsupported, nullptr);
  EXPECT_TRUE(unsupported->http_origin);
  EXPECT_FALSE(
      shipped_catalog()->message(msp360, MessageId{MessageId::Kind::response, "404"})->http_origin);
}

TEST(MockServer, AVendorThatDocuments406AnswersAnAcceptItCannotServeWith406) {
  Server mock;
  const VendorCase finix = vendor_cases()[3];
  ASSERT_EQ(finix.vendor, "finix");
  for (const std::string accept : {"application/xml", "text/html, application/json;q=0"}) {
    SCOPED_TRACE(accept);
    Call call = finix.valid;
    call.headers.emplace("Accept", accept);
    expect_conforms("finix", mock.send("finix", call), 406, "406");
    Call read = *finix.read;
    read.headers.emplace("Accept", accept);
    expect_conforms("finix", mock.send("finix", read), 406, "406");
  }
  for (const std::string accept : {"application/json", "application/*;q=0.5", "*/*", ""}) {
    SCOPED_TRACE(accept);
    Call call = finix.valid;
    if (!accept.empty()) call.headers.emplace("Accept", accept);
    EXPECT_EQ(mock.send("finix", call)->status, 200);
  }
  // A vendor that documents no 406 ignores Accept, as before.
  Call msp360 = vendor_cases()[0].valid;
  msp360.headers.emplace("Accept", "application/xml");
  EXPECT_EQ(mock.send("msp360", msp360)->status, 200);
}

TEST(MockServer, FaultStatusesUseTheVendorsEnvelopeAnd429SaysWhenToRetry) {
  for (const std::string fault : {"429", "500", "503"}) {
    MockOptions options;
    options.fault_rate = 1;
    options.faults = {fault};
    Server mock(options);
    for (const VendorCase& c : vendor_cases()) {
      SCOPED_TRACE(c.vendor + " " + fault);
      const auto result = mock.send(c.vendor, c.valid);
      expect_conforms(c.vendor, result, std::stoi(fault), fault);
      if (fault == "429") {
        EXPECT_EQ(result->get_header_value("Retry-After"), "1");
      }
    }
  }
}

TEST(MockServer, AWriteIsVisibleToLaterReadsAndResponses) {
  Server mock;
  for (const VendorCase& c : vendor_cases()) {
    if (!c.read) continue;
    SCOPED_TRACE(c.vendor);
    ASSERT_EQ(mock.send(c.vendor, c.valid)->status, 200);
    const auto read = mock.send(c.vendor, *c.read);
    ASSERT_EQ(read->status, 200);
    if (c.vendor == "finix") {
      EXPECT_NE(read->body.find(R"("tags":{"order_number":"25"})"), std::string::npos)
          << read->body;
      EXPECT_NE(read->body.find(R"("enabled":false)"), std::string::npos) << read->body;
    } else if (c.vendor == "maiascore") {
      EXPECT_NE(read->body.find(R"("blocked":true)"), std::string::npos) << read->body;
      EXPECT_NE(read->body.find(R"("uuid":"maia-0123456789ab")"), std::string::npos);
    } else if (c.vendor == "nexudus") {
      EXPECT_NE(read->body.find(R"("Email":"ann@example.com")"), std::string::npos) << read->body;
      EXPECT_EQ(read->body.find("PasswordSalt"), std::string::npos) << read->body;
    } else if (c.vendor == "msp360") {
      EXPECT_NE(read->body.find(R"("FirstName":"Ann")"), std::string::npos) << read->body;
    }
  }
}

TEST(MockServer, ConcurrentUpdatesNeverTearARecord) {
  Server mock({}, acme_catalog());
  constexpr int kThreads = 8;
  constexpr int kRequests = 25;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kRequests; ++i) {
        const std::string v = std::to_string(t) + "-" + std::to_string(i);
        const Call call =
            acme_update(R"({"labels":{"writer":")" + v + R"(","check":")" + v + R"("}})");
        const auto result = mock.send("acme", call);
        if (result && result->status == 200) ++ok;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), kThreads * kRequests);
  const auto read = mock.send("acme", kAcmeRead);
  rapidjson::Document body;
  body.Parse(read->body.c_str());
  ASSERT_TRUE(body.IsObject()) << read->body;
  EXPECT_STREQ(body["labels"]["writer"].GetString(), body["labels"]["check"].GetString());
}

TEST(MockServer, TheStateFileCarriesUsersAcrossRuns) {
  const fs::path file =
      fs::temp_directory_path() / ("conform-mock-state-" + std::to_string(::getpid()) + ".json");
  fs::remove(file);
  MockOptions options;
  options.vendors = {"acme"};
  options.state_file = file;
  {
    Server first(options, acme_catalog());
    ASSERT_EQ(first.send("acme", acme_update())->status, 200);
    first.server().stop();
    EXPECT_EQ(first.server().state_error(), "");
  }
  ASSERT_TRUE(fs::exists(file));
  Server second(options, acme_catalog());
  const auto read = second.send("acme", kAcmeRead);
  EXPECT_NE(read->body.find(R"("active":false)"), std::string::npos) << read->body;
  fs::remove(file);
}

TEST(MockServer, OneVendorIsServedAtTheRootAsOnTheLiveApi) {
  MockOptions options;
  options.vendors = {"finix"};
  Server mock(options);
  EXPECT_EQ(mock.server().mount_point("finix"), "");
  EXPECT_EQ(mock.send("finix", vendor_cases()[3].valid)->status, 200);
}

TEST(MockServer, TheAccessLogHasOneLinePerRequestAndNoSecrets) {
  Server mock;
  const VendorCase formsonfire = vendor_cases()[1];
  mock.send("formsonfire", formsonfire.valid);
  Call leaky = formsonfire.valid;
  leaky.path = "/api/v2/user?format=json&IntegrationKey=mock-integration-key";
  mock.send("formsonfire", leaky);
  const std::string log = mock.log();
  EXPECT_NE(log.find("PUT /formsonfire/api/v2/user?format=json 200 "), std::string::npos) << log;
  EXPECT_NE(log.find("IntegrationKey=***"), std::string::npos) << log;
  EXPECT_EQ(log.find("mock-integration-key"), std::string::npos) << log;
}

TEST(MockServer, TheSameSeedFailsTheSameRequests) {
  const auto statuses = [](std::uint64_t seed) {
    MockOptions options;
    options.seed = seed;
    options.fault_rate = 0.5;
    options.faults = {"503"};
    Server mock(options, acme_catalog());
    std::vector<int> out;
    for (int i = 0; i < 16; ++i) out.push_back(mock.send("acme", acme_update())->status);
    return out;
  };
  const auto first = statuses(7);
  EXPECT_EQ(first, statuses(7));
  EXPECT_NE(std::count(first.begin(), first.end(), 503), 0);
  EXPECT_NE(std::count(first.begin(), first.end(), 200), 0);
}

TEST(MockServer, LatencyDelaysEveryResponseWithinItsRange) {
  MockOptions options;
  options.vendors = {"acme"};
  options.latency_min_ms = 40;
  options.latency_max_ms = 80;
  Server mock(options, acme_catalog());
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const auto result = mock.send("acme", acme_update());
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_GE(elapsed, std::chrono::milliseconds(40));
  }
}

TEST(MockServer, TransportFaultsBreakTheResponse) {
  {
    MockOptions options;
    options.fault_rate = 1;
    options.faults = {"reset"};
    Server mock(options, acme_catalog());
    EXPECT_FALSE(mock.send("acme", acme_update())) << "a reset sends no response";
  }
  {
    MockOptions options;
    options.fault_rate = 1;
    options.faults = {"truncate"};
    Server mock(options, acme_catalog());
    const auto result = mock.send("acme", acme_update());
    EXPECT_FALSE(result && result->status == 200 &&
                 result->body.find("\"member_id\"") != std::string::npos &&
                 result->body.back() == '}')
        << "a truncated body never arrives whole";
  }
  {
    MockOptions options;
    options.fault_rate = 1;
    options.faults = {"garbage"};
    Server mock(options, acme_catalog());
    const auto result = mock.send("acme", acme_update());
    ASSERT_TRUE(result);
    contracts::CheckOptions check;
    check.format = Format::json;
    const contracts::Manifest& acme = *acme_catalog()->find("acme");
    const auto* message =
        acme_catalog()->message(acme, MessageId{MessageId::Kind::response, "200"});
    EXPECT_FALSE(acme_catalog()->check(acme, *message, result->body, check).valid);
  }
}

TEST(MockServer, TheDriftedProfileChangesWhatStrictValidationSees) {
  MockOptions options;
  options.profile = "drifted";
  Server mock(options);
  for (const VendorCase& c : vendor_cases()) {
    SCOPED_TRACE(c.vendor);
    const auto result = mock.send(c.vendor, c.valid);
    ASSERT_TRUE(result);
    const contracts::Manifest& manifest = *shipped_catalog()->find(c.vendor);
    contracts::CheckOptions check;
    check.format = Format::json;
    check.strict = true;
    const auto* ok =
        shipped_catalog()->message(manifest, MessageId{MessageId::Kind::response, "200"});
    EXPECT_FALSE(shipped_catalog()->check(manifest, *ok, result->body, check).valid)
        << result->body;
    const auto invalid = mock.send(c.vendor, c.invalid);
    const auto* bad = message_for(c.vendor, 400, "400");
    EXPECT_FALSE(shipped_catalog()->check(manifest, *bad, invalid->body, check).valid)
        << invalid->body;
  }
}

TEST(MockServer, XmlGoesThroughTheCodecsBothWays) {
  Server mock;
  Call formsonfire = vendor_cases()[1].valid;
  formsonfire.path = "/api/v2/user?format=xml";
  formsonfire.content_type = "application/xml";
  formsonfire.body =
      "<User><CompanyId>12345</CompanyId><FirstName>Xena</FirstName>"
      "<Id>2ebc64a36a0d400d8c1e5b7a9f3d6e24</Id>"
      "<IntegrationKey>mock-integration-key</IntegrationKey></User>";
  const auto result = mock.send("formsonfire", formsonfire);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/xml; charset=utf-8");
  EXPECT_EQ(result->body.rfind("<UserResponse", 0), 0u) << result->body;
  EXPECT_NE(result->body.find("<FirstName>Xena</FirstName>"), std::string::npos);
  const contracts::Manifest& manifest = *shipped_catalog()->find("formsonfire");
  contracts::CheckOptions check;
  check.format = Format::xml;
  const auto checked = shipped_catalog()->check(
      manifest, *shipped_catalog()->message(manifest, MessageId{MessageId::Kind::response, "200"}),
      result->body, check);
  EXPECT_TRUE(checked.valid) << (checked.findings.empty() ? "" : checked.findings[0].message);

  Call maiascore = vendor_cases()[2].valid;
  maiascore.content_type = "application/xml";
  maiascore.body = "<item><confirmed>false</confirmed><reports>maia-00000000000a</reports></item>";
  const auto xml = mock.send("maiascore", maiascore);
  ASSERT_TRUE(xml);
  EXPECT_EQ(xml->status, 200) << xml->body;
  EXPECT_NE(xml->body.find(R"("confirmed":false)"), std::string::npos) << xml->body;
  formsonfire.body = "<User><Id>2ebc64a36a0d400d8c1e5b7a9f3d6e24</Id></User>";
  const auto refused = mock.send("formsonfire", formsonfire);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401) << refused->body;
  // format=xml picks the format of errors too (their XML rules: root ErrorResponse).
  EXPECT_EQ(refused->get_header_value("Content-Type"), "application/xml; charset=utf-8");
  EXPECT_EQ(refused->body.rfind("<ErrorResponse", 0), 0u) << refused->body;
  const auto refusal = shipped_catalog()->check(
      manifest, *shipped_catalog()->message(manifest, MessageId{MessageId::Kind::response, "401"}),
      refused->body, check);
  EXPECT_TRUE(refusal.valid) << (refusal.findings.empty() ? "" : refusal.findings[0].message);
  formsonfire.body =
      "<User><CompanyId>12345</CompanyId><Id>2ebc64a36a0d400d8c1e5b7a9f3d6e24</Id>"
      "<IntegrationKey>mock-integration-key</IntegrationKey><Type>Gold</Type></User>";
  const auto invalid = mock.send("formsonfire", formsonfire);
  ASSERT_TRUE(invalid);
  ASSERT_EQ(invalid->status, 400) << invalid->body;
  EXPECT_NE(invalid->body.find("<ResponseError>"), std::string::npos) << invalid->body;
  const auto listed = shipped_catalog()->check(
      manifest, *shipped_catalog()->message(manifest, MessageId{MessageId::Kind::response, "400"}),
      invalid->body, check);
  EXPECT_TRUE(listed.valid) << (listed.findings.empty() ? "" : listed.findings[0].message);

  maiascore.body = "<item><confirmed>maybe</confirmed></item>";
  const auto bad = mock.send("maiascore", maiascore);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("confirmed"), std::string::npos) << bad->body;
}

// Vendors are data: a vendor that exists only in the tests is mocked from its manifest's
// mock member, with no C++ change.
TEST(MockServer, AVendorThatExistsOnlyInTheTestIsMockedFromItsManifest) {
  const auto acme_catalog = contracts::Catalog::load(CONFORM_TESTS_DIR "/data/vendors");
  MockOptions options;
  MockServer server(acme_catalog, options);
  const int port = server.start();
  httplib::Client client("127.0.0.1", port);
  // The only vendor served sits at the root, as on its live API.
  ASSERT_EQ(server.mount_point("acme"), "");
  const httplib::Headers auth{{"Authorization", "Basic dGVzdGVyOnB3"}, {"Acme-Api-Version", "3"}};
  const auto updated =
      client.Patch("/v2/members/m-1", auth, R"({"display_name":"Ada L.","api_secret":"s3cret"})",
                   "application/merge-patch+json");
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->status, 200) << updated->body;
  const auto read = client.Get("/v2/members/m-1", auth);
  ASSERT_TRUE(read);
  EXPECT_NE(read->body.find(R"("display_name":"Ada L.")"), std::string::npos) << read->body;
  EXPECT_EQ(read->body.find("s3cret"), std::string::npos) << read->body;
  const auto invalid =
      client.Patch("/v2/members/m-1", auth, R"({"active":"yes"})", "application/json");
  ASSERT_TRUE(invalid);
  EXPECT_EQ(invalid->status, 400);
  const contracts::Manifest& acme = *acme_catalog->find("acme");
  contracts::CheckOptions check;
  check.format = Format::json;
  EXPECT_TRUE(acme_catalog
                  ->check(acme,
                          *acme_catalog->message(acme, MessageId{MessageId::Kind::response, "400"}),
                          invalid->body, check)
                  .valid)
      << invalid->body;
  server.stop();
}

// Writes a throwaway self-signed certificate for 127.0.0.1 and its key.
void write_self_signed(const fs::path& cert, const fs::path& key) {
  EVP_PKEY* pkey = EVP_RSA_gen(2048);
  X509* x509 = X509_new();
  ASN1_INTEGER_set(X509_get_serialNumber(x509), 1);
  X509_gmtime_adj(X509_getm_notBefore(x509), 0);
  X509_gmtime_adj(X509_getm_notAfter(x509), 3600);
  X509_set_pubkey(x509, pkey);
  X509_NAME* name = X509_get_subject_name(x509);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(x509, name);
  X509_sign(x509, pkey, EVP_sha256());
  FILE* out = std::fopen(cert.c_str(), "w");
  PEM_write_X509(out, x509);
  std::fclose(out);
  out = std::fopen(key.c_str(), "w");
  PEM_write_PrivateKey(out, pkey, nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(out);
  X509_free(x509);
  EVP_PKEY_free(pkey);
}

TEST(MockServer, ServesHttpsWithACertificateAndKey) {
  const fs::path dir =
      fs::temp_directory_path() / ("conform-mock-tls-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  write_self_signed(dir / "cert.pem", dir / "key.pem");
  MockOptions options;
  options.vendors = {"acme"};
  options.tls_cert = dir / "cert.pem";
  options.tls_key = dir / "key.pem";
  MockServer server(acme_catalog(), options);
  const int port = server.start();
  EXPECT_EQ(server.base_url(), "https://127.0.0.1:" + std::to_string(port));
  httplib::SSLClient client("127.0.0.1", port);
  client.enable_server_certificate_verification(false);
  client.set_read_timeout(10, 0);
  const Call call = acme_update();
  const auto result = client.Patch(call.path.c_str(), call.headers, call.body, "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200) << result->body;
  server.stop();
  fs::remove_all(dir);
}

// Regression: 100 trickled TLS ClientHellos held the pool's workers in their handshakes and
// kept every HTTPS client out. A handshake now holds only its own thread, and has a deadline.
TEST(MockServer, TrickledClientHellosLockNoHttpsClientOut) {
  const fs::path dir =
      fs::temp_directory_path() / ("conform-mock-trickle-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  write_self_signed(dir / "cert.pem", dir / "key.pem");
  MockOptions options;
  options.vendors = {"acme"};
  options.tls_cert = dir / "cert.pem";
  options.tls_key = dir / "key.pem";
  MockServer server(acme_catalog(), options);
  const int port = server.start();
  std::vector<int> trickling;
  for (int i = 0; i < 100; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    // A handshake record announcing 512 bytes, of which the client sends one a second.
    ::send(fd, "\x16\x03\x01\x02\x00\x01", 6, MSG_NOSIGNAL);
    trickling.push_back(fd);
  }
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    while (!done) {
      for (const int fd : trickling) ::send(fd, "\x00", 1, MSG_NOSIGNAL);
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  });
  int answered = 0;
  for (int i = 0; i < 10; ++i) {
    httplib::SSLClient client("127.0.0.1", port);
    client.enable_server_certificate_verification(false);
    client.set_connection_timeout(10, 0);
    client.set_read_timeout(10, 0);
    const auto result = client.Get(kAcmeRead.path.c_str(), kAcmeRead.headers);
    answered += result && result->status == 200 ? 1 : 0;
  }
  done = true;
  trickle.join();
  EXPECT_EQ(answered, 10);
  for (const int fd : trickling) ::close(fd);
  server.stop();
  fs::remove_all(dir);
}

TEST(MockServer, AMissingCertificateIsAnErrorAtStart) {
  MockOptions options;
  options.tls_cert = "/nonexistent/cert.pem";
  options.tls_key = "/nonexistent/key.pem";
  MockServer server(shipped_catalog(), options);
  EXPECT_THROW(server.start(), std::runtime_error);
}

}  // namespace
}  // namespace conform::mock
