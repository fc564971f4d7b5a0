// ProxyServer: `conform proxy`, one vendor's contract between an application and the server
// it calls. Each request to the vendor's operation is checked before it is forwarded (with
// `enforce`, one that breaks the contract is answered in the vendor's own error envelope,
// listing the findings, and never sent), each response is checked against the vendor's schema for
// its status, and the findings are kept for the reports (ProblemLog) and, with `record_dir`, every
// response as a snapshot for `conform drift` (TrafficRecording). Event loops serve it, one per
// core on a port they share, each with its connections to the application (FrontEnd: the mock's
// request rules, deadlines and limits) and to the target (Upstream). Secrets are masked in
// everything kept.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "contracts/catalog.hpp"
#include "model/case_result.hpp"

namespace conform::proxy {

struct ProxyOptions {
  std::string vendor;
  // The vendor's endpoint root the requests go to (the live API, a staging server, a mock).
  std::string target;
  std::string host = "127.0.0.1";
  int port = 0;  // 0: pick a free port
  bool enforce = false;
  // Undocumented response members (and XML children out of order) are findings too.
  bool strict = false;
  // Where each response is stored as a snapshot in `conform record`'s layout; empty: nowhere.
  std::filesystem::path record_dir;
  std::string ca_file;                        // trust these CAs for an HTTPS target
  int timeout_ms = 30000;                     // the most one upstream exchange may take
  std::size_t max_body_bytes = 1 << 20;       // request bodies; larger ones get 413
  std::size_t max_response_bytes = 64 << 20;  // upstream bodies; larger ones get 502
  std::size_t max_connections = 1024;
  // One line per request: method, path, status, milliseconds (secrets redacted).
  std::ostream* access_log = nullptr;
};

class ProxyServer {
 public:
  ProxyServer(std::shared_ptr<const contracts::Catalog> catalog, ProxyOptions options);
  ~ProxyServer();  // stops
  ProxyServer(const ProxyServer&) = delete;
  ProxyServer& operator=(const ProxyServer&) = delete;

  // Binds, serves on a thread, returns the port. Throws std::invalid_argument for bad options
  // (an unknown vendor, a target that is no http(s) URL, --enforce for a vendor without an
  // error envelope), std::runtime_error when it cannot listen or write to record_dir.
  int start();
  // Idle connections close at once, requests in progress get 5 seconds. Idempotent.
  void stop();
  std::string base_url() const;  // http://HOST:PORT

  // What the proxy saw so far, as a run for report::write_reports (coverage included).
  RunResult results() const;
  // The first snapshot that could not be written, "" while every one was.
  std::string record_error() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace conform::proxy
