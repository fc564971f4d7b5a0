// MockServer: the stateful mock of every vendor's endpoint, served over HTTP(S) on a
// thread of its own. The CLI's `conform mock` and replay's `--target mock` both embed it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "contracts/catalog.hpp"

namespace conform::mock {

struct MockOptions {
  // Empty: every vendor with a "mock" member, each mounted under /<id>.
  std::vector<std::string> vendors;
  std::string host = "127.0.0.1";
  int port = 0;                     // 0: pick a free port
  std::string profile = "default";  // or "drifted"
  std::uint64_t seed = 1;           // faults and generated values are deterministic
  int latency_min_ms = 0, latency_max_ms = 0;
  double fault_rate = 0;
  std::vector<std::string> faults;          // 500 503 429 reset truncate garbage
  std::filesystem::path state_file;         // load at start, save atomically after every change
  std::filesystem::path tls_cert, tls_key;  // serve HTTPS when both are set
  std::size_t max_body_bytes = 1 << 20;
  // Connections open at once; past it the longest idle (else the slowest reading) is
  // closed to make room.
  std::size_t max_connections = 1024;
  std::ostream* access_log =
      nullptr;  // one line per request: method path status ms (secrets redacted)
};

class MockServer {
 public:
  MockServer(std::shared_ptr<const contracts::Catalog> catalog, MockOptions options);
  ~MockServer();  // stops
  MockServer(const MockServer&) = delete;
  MockServer& operator=(const MockServer&) = delete;

  // Binds, serves on a thread, returns the port. Throws std::invalid_argument for bad
  // options (an unknown vendor, profile or fault), MockError for an unusable manifest or
  // state file, std::runtime_error when it cannot listen.
  int start();
  // Graceful within 5 seconds: idle connections close at once, requests in progress may
  // finish, then every connection is closed; then the state file is saved. Idempotent.
  void stop();
  std::string base_url() const;  // http(s)://HOST:PORT

  // What went wrong saving the state file at the last stop(); "" when it was saved.
  std::string state_error() const;

  // The path prefix `vendor` is mounted under ("" when it is the only one).
  std::string mount_point(const std::string& vendor) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace conform::mock
