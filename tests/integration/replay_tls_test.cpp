// conform replay against a real HTTPS server (the mock with a certificate made in the test)
// and against a mock that answers 503 and 429 now and then.
#include <gtest/gtest.h>

#include "contracts/catalog.hpp"
#include "mock/server.hpp"
#include "support/catalogs.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "unit/http/test_certificate.hpp"

namespace conform {
namespace {
using test::run_conform;
using test::TempDir;

class ReplayTls : public ::testing::Test {
 protected:
  void SetUp() override {
    mock::MockOptions options;
    options.tls_cert = certificate_.cert();
    options.tls_key = certificate_.key();
    server_ =
        std::make_unique<mock::MockServer>(contracts::Catalog::load(CONFORM_SCHEMAS_DIR), options);
    server_->start();
  }

  testing::TestCertificate certificate_;
  std::unique_ptr<mock::MockServer> server_;
  TempDir reports_;
};

TEST_F(ReplayTls, ACertificateTrustedThroughCacertPasses) {
  ASSERT_EQ(server_->base_url().rfind("https://", 0), 0u);
  const auto result =
      run_conform({"replay", test::kFinixCases, "--target", server_->base_url(), "--fixtures",
                   "--cacert", certificate_.cert().string(), "--report-dir", reports_.path()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

TEST_F(ReplayTls, AnUntrustedCertificateIsAClearExit2) {
  const auto result = run_conform({"replay", test::kFinixCases, "--target", server_->base_url(),
                                   "--fixtures", "--report-dir", reports_.path()});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("is not trusted"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("--cacert"), std::string::npos) << result.err;
}

TEST_F(ReplayTls, InsecureSkipsVerificationAndTheReproducerSaysSo) {
  const auto passing = run_conform({"replay", test::kFinixCases, "--target", server_->base_url(),
                                    "--fixtures", "--insecure", "--report-dir", reports_.path()});
  EXPECT_EQ(passing.exit_code, 0) << passing.out << passing.err;

  // A failing step's curl command must work against the same server: it needs -k too.
  const std::string failing = reports_.write("failing.json", R"({
  "name": "expects a status the mock never sends", "vendor": "finix",
  "steps": [{"method": "PUT", "path": "/users/${user_id}", "body": {"enabled": true}, "expect": {"status": 500}}]
})");
  const auto result = run_conform({"replay", failing, "--target", server_->base_url(), "--fixtures",
                                   "--insecure", "--report-dir", reports_.path() + "/out"});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("reproduce: curl -sS -k -X PUT"), std::string::npos) << result.out;
}

class ReplayFaults : public ::testing::TestWithParam<const char*> {};

TEST_P(ReplayFaults, RetriesCarryEveryCaseThroughOccasionalFaults) {
  mock::MockOptions options;
  options.fault_rate = 0.2;
  options.faults = {GetParam()};
  options.seed = 7;
  mock::MockServer server(contracts::Catalog::load(CONFORM_SCHEMAS_DIR), options);
  server.start();
  TempDir reports;

  const auto without =
      run_conform({"replay", test::kFinixCases, "--target", server.base_url(), "--fixtures",
                   "--retries", "0", "--report-dir", reports.path()});
  EXPECT_EQ(without.exit_code, 1) << "the faults must show without retries\n" << without.out;

  const auto with = run_conform({"replay", test::kFinixCases, "--target", server.base_url(),
                                 "--fixtures", "--retries", "6", "--report-dir", reports.path()});
  EXPECT_EQ(with.exit_code, 0) << with.out << with.err;
}

INSTANTIATE_TEST_SUITE_P(Status, ReplayFaults, ::testing::Values("503", "429"));

}  // namespace
}  // namespace conform
