// `conform validate --limit`: every input limit is configurable, a payload over one is a
// clear "limit" finding (exit 1) rather than a crash, and an NDJSON stream with a line of
// any length is checked in bounded memory.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "contracts/catalog.hpp"
#include "mock/server.hpp"
#include "support/catalogs.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {
using test::run_conform;
using test::TempDir;

using test::kTestVendorsDir;

TEST(LimitsCli, EachLimitIsConfigurableAndExceedingItIsALimitFinding) {
  TempDir dir;
  const std::string nested = dir.write("nested.json", R"({"labels": {"team": "blue"}})");
  EXPECT_EQ(
      run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir, nested}).exit_code,
      0);
  const auto deep = run_conform(
      {"validate", "acme", "request", "--schemas", kTestVendorsDir, "--limit", "depth=1", nested});
  EXPECT_EQ(deep.exit_code, 1) << deep.out << deep.err;
  EXPECT_NE(deep.out.find("error[limit]"), std::string::npos) << deep.out;

  const auto members = run_conform(
      {"validate", "acme", "request", "--schemas", kTestVendorsDir, "--limit", "members=1",
       dir.write("members.json", R"({"labels": {"a": "1", "b": "2"}, "active": true})")});
  EXPECT_EQ(members.exit_code, 1) << members.out;
  EXPECT_NE(members.out.find("error[limit]"), std::string::npos) << members.out;

  const auto strings = run_conform(
      {"validate", "acme", "request", "--schemas", kTestVendorsDir, "--limit", "string-bytes=4",
       dir.write("string.json", R"({"labels": {"team": "a long value"}})")});
  EXPECT_EQ(strings.exit_code, 1) << strings.out;
  EXPECT_NE(strings.out.find("error[limit]"), std::string::npos) << strings.out;

  const std::string big =
      dir.write("big.json", R"({"labels": {"t": ")" + std::string(5000, 'x') + R"("}})");
  const auto bytes = run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir,
                                  "--limit", "body-bytes=1K", big});
  EXPECT_EQ(bytes.exit_code, 1) << bytes.out;
  EXPECT_NE(bytes.out.find("more than the limit of 1024"), std::string::npos) << bytes.out;
}

TEST(LimitsCli, XmlElementCountIsALimitToo) {
  TempDir dir;
  std::string xml = "<item>";
  for (int i = 0; i < 50; ++i) xml += "<reports><item>r</item></reports>";
  xml += "</item>";
  const auto result = run_conform({"validate", "maiascore", "request", "--format", "xml", "--limit",
                                   "xml-elements=10", dir.write("many.xml", xml)});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("error[limit]"), std::string::npos) << result.out;
}

TEST(LimitsCli, ABadLimitIsAUsageErrorNamingTheKnownOnes) {
  const auto unknown = run_conform(
      {"validate", "acme", "request", "--schemas", kTestVendorsDir, "--limit", "size=1", "-"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("body-bytes, depth, string-bytes, members, xml-elements"),
            std::string::npos)
      << unknown.err;
  const auto zero = run_conform(
      {"validate", "acme", "request", "--schemas", kTestVendorsDir, "--limit", "depth=0", "-"});
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_NE(zero.err.find("--limit depth takes a whole number"), std::string::npos) << zero.err;
}

// The peak resident memory (VmHWM, KiB) of this process's child named `name`; 0 if none.
// (getrusage would count the child's pre-exec copy of this test process too.)
long child_peak_kib(const std::string& name) {
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::ifstream status(entry.path() / "status");
    std::string line, command;
    long parent = 0, peak = 0;
    while (std::getline(status, line)) {
      if (line.rfind("Name:", 0) == 0) command = line.substr(line.find_first_not_of(" \t", 5));
      if (line.rfind("PPid:", 0) == 0) parent = std::atol(line.c_str() + 5);
      if (line.rfind("VmHWM:", 0) == 0) peak = std::atol(line.c_str() + 6);
    }
    if (parent == ::getpid() && command == name) return peak;
  }
  return 0;
}

TEST(LimitsCli, AnNdjsonLineOfAnyLengthIsJudgedInBoundedMemory) {
  TempDir dir;
  const std::string fifo = dir.path() + "/lines.ndjson";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // One 96 MiB line between two valid ones, and no newline at the very end. Written through
  // a FIFO, so conform's peak memory can be read while it still runs.
  long peak_kib = 0;
  std::thread writer([&] {
    std::ofstream out(fifo, std::ios::binary);
    out << "{\"active\": true}\n{\"labels\": {\"t\": \"";
    const std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 96; ++i) out << chunk;
    out << "\"}}\n" << std::flush;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    peak_kib = child_peak_kib("conform");
    out << "{\"active\": false}";
  });
  const auto result =
      run_conform({"validate", "acme", "request", "--schemas", kTestVendorsDir, "--ndjson",
                   "--output", "json", "--limit", "body-bytes=1M", fifo},
                  "", 120);
  writer.join();
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find(R"("line":2,"valid":false)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("more than the limit of 1048576"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(R"("line":3,"valid":true)"), std::string::npos) << result.out;
  // Keeping the line would cost at least twice its 96 MiB (read buffer and payload); conform
  // itself needs ~20 MiB (~80 MiB under AddressSanitizer).
  EXPECT_GT(peak_kib, 0) << "conform was not found running";
  EXPECT_LT(peak_kib, 160 * 1024) << "peak RSS " << peak_kib << " KiB";
}

TEST(LimitsMock, ABodyOverADecoderLimitIsA413InTheVendorsEnvelope) {
  mock::MockServer server(contracts::Catalog::load(kTestVendorsDir), {});
  server.start();
  httplib::Client client(server.base_url());
  client.set_read_timeout(10, 0);
  const httplib::Headers headers{{"Authorization", "Basic dGVzdGVyOnB3"},
                                 {"Acme-Api-Version", "3"}};
  // 600 levels of nesting: far under the 1 MiB body limit, over the depth limit of 512.
  const std::string deep = R"({"labels": )" + std::string(600, '[') + std::string(600, ']') + "}";
  const auto result = client.Patch(server.mount_point("acme") + "/v2/members/m-1", headers, deep,
                                   "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413) << result->body;
  EXPECT_NE(result->body.find("nesting deeper than 512"), std::string::npos) << result->body;
  server.stop();
}

}  // namespace
}  // namespace conform
