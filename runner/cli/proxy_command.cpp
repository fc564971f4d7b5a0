// `conform proxy`: one vendor's contract between an application and the server it calls,
// until SIGINT/SIGTERM; then the reports.
#include <signal.h>

#include <iostream>
#include <string>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/server_process.hpp"
#include "contracts/catalog.hpp"
#include "proxy/proxy_server.hpp"

namespace conform::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: conform proxy --vendor ID --target URL [--host 127.0.0.1] [--port N]\n"
    "                     [--enforce] [--strict] [--record DIR] [--report-dir DIR]\n"
    "                     [--ca FILE] [--timeout MS] [--max-body BYTES] [--schemas DIR]\n"
    "\n"
    "Stands between an application and a vendor's API (or a staging server, or conform mock):\n"
    "point the application's base URL at the proxy. Each request to the vendor's operation is\n"
    "checked against the contract in its encoding (credentials present, media type, query\n"
    "parameters and headers, the body) and forwarded; each response is checked against the\n"
    "vendor's schema for its status. The first line on stdout is\n"
    "'conform proxy listening on http://HOST:PORT'; one access line per request goes to stderr\n"
    "(secrets redacted). SIGINT or SIGTERM stops it and writes the reports (junit.xml,\n"
    "report.json, report.html, summary.md, report.tap): one entry per distinct problem, with\n"
    "the first exchanges that showed it. SIGUSR1 writes them without stopping.\n"
    "\n"
    "options:\n"
    "  --vendor ID        the vendor whose contract applies (required)\n"
    "  --target URL       where requests go: the vendor's endpoint root (required)\n"
    "  --host HOST        address to listen on (default 127.0.0.1)\n"
    "  --port N           port to listen on; 0 picks a free one (default 0)\n"
    "  --enforce          answer a request that breaks the contract in the vendor's own error\n"
    "                     envelope, listing the findings, and never forward it: 400, or the\n"
    "                     vendor's status for missing credentials (401/403), a media type it\n"
    "                     does not take (415) or a body over a limit (413)\n"
    "  --strict           undocumented response members are findings too (a vendor that\n"
    "                     added a field); responses are lenient by default\n"
    "  --record DIR       store every response as a snapshot in DIR, in the layout\n"
    "                     `conform record` writes (DIR/VENDOR/OPERATION/N.json), for\n"
    "                     `conform drift DIR` and `conform infer DIR`\n"
    "  --report-dir DIR   where the reports go (default reports/proxy)\n"
    "  --ca FILE          trust the CA certificates in FILE for an HTTPS target\n"
    "  --timeout MS       the most one upstream exchange may take (default 30000); past it,\n"
    "                     or when the target is down, the application gets a 502 that says why\n"
    "  --max-body BYTES   larger request bodies get a 413 (default 1048576)\n"
    "  --schemas DIR      the vendor contracts (default: the installed schemas/)\n"
    "  -h, --help         show this help\n"
    "\n"
    "exit status: 0 no exchange broke the contract; 1 one did; 2 bad arguments, broken\n"
    "contracts, the port is taken, or the reports cannot be written.\n"
    "\n"
    "example (the application talks to http://127.0.0.1:8081 instead of the vendor):\n"
    "  conform proxy --vendor VENDOR --target https://api.example.com --port 8081 --enforce\n";

proxy::ProxyOptions read_options(const Arguments& parsed) {
  if (!parsed.positional().empty()) {
    throw UsageError("unexpected argument '" + parsed.positional().front() +
                     "'; name the vendor with --vendor ID and the server with --target URL");
  }
  proxy::ProxyOptions options;
  const auto vendor = parsed.value("--vendor");
  const auto target = parsed.value("--target");
  if (!vendor || !target) {
    throw UsageError("name the vendor with --vendor ID and where requests go with --target URL");
  }
  options.vendor = *vendor;
  options.target = *target;
  if (const auto host = parsed.value("--host")) options.host = *host;
  unsigned long long number = 0;
  if (const auto port = parsed.value("--port")) {
    if (!parse_whole(*port, 65535, number)) {
      throw UsageError("--port takes a number from 0 to 65535 (0 picks a free port), not '" +
                       *port + "'");
    }
    options.port = static_cast<int>(number);
  }
  options.enforce = parsed.flag("--enforce");
  options.strict = parsed.flag("--strict");
  if (const auto record = parsed.value("--record")) options.record_dir = *record;
  if (const auto ca = parsed.value("--ca")) options.ca_file = *ca;
  if (const auto timeout = parsed.value("--timeout")) {
    if (!parse_whole(*timeout, 600000, number) || number == 0) {
      throw UsageError("--timeout takes milliseconds from 1 to 600000, not '" + *timeout + "'");
    }
    options.timeout_ms = static_cast<int>(number);
  }
  if (const auto max_body = parsed.value("--max-body")) {
    if (!parse_whole(*max_body, 1ULL << 32, number) || number == 0) {
      throw UsageError("--max-body takes a number of bytes, not '" + *max_body + "'");
    }
    options.max_body_bytes = static_cast<std::size_t>(number);
  }
  options.access_log = &std::cerr;
  return options;
}

// Writes the reports of what the proxy saw so far; the exit status they stand for.
int report(const proxy::ProxyServer& server, const fs::path& dir) {
  const RunResult run = server.results();
  write_reports(run, dir);
  std::size_t exchanges = 0;
  std::size_t problems = 0;
  int exit_code = kExitOk;
  for (const CaseResult& result : run.cases) {
    const bool clean = result.steps.empty() || result.steps.front().findings.empty();
    if (!clean) ++problems;
    if (result.outcome == Outcome::failed) exit_code = kExitFindings;
  }
  for (const auto& vendor : run.coverage) {
    for (const auto& item : vendor.items) {
      if (item.kind == "status" || item.kind == "error-envelope") {
        exchanges += static_cast<std::size_t>(item.exchanges);
      }
    }
  }
  std::cerr << "conform proxy: " << problems
            << (problems == 1 ? " distinct problem" : " distinct problems") << " in " << exchanges
            << (exchanges == 1 ? " exchange" : " exchanges")
            << "; reports: " << (dir / "report.html").string() << std::endl;
  return exit_code;
}

int proxy_command(const Arguments& parsed) {
  const proxy::ProxyOptions options = read_options(parsed);
  const fs::path report_dir = parsed.value("--report-dir").value_or("reports/proxy");
  const std::shared_ptr<const contracts::Catalog> catalog = load_catalog(parsed);

  proxy::ProxyServer server(catalog, options);
  const sigset_t signals = serve(server, "proxy", {SIGINT, SIGTERM, SIGUSR1});

  for (;;) {
    int signal_number = 0;
    sigwait(&signals, &signal_number);
    if (signal_number != SIGUSR1) break;
    report(server, report_dir);
  }
  server.stop();
  const int exit_code = report(server, report_dir);
  if (!server.record_error().empty()) {
    throw CannotRun("could not record every response: " + server.record_error());
  }
  return exit_code;
}

const CommandRegistration registration{{"proxy",
                                        "check real traffic against a vendor's contract",
                                        kUsage,
                                        {{"--vendor", "VENDOR"},
                                         {"--target", "URL"},
                                         {"--host", "HOST"},
                                         {"--port", "N"},
                                         {"--enforce"},
                                         {"--strict"},
                                         {"--record", "DIR"},
                                         {"--report-dir", "DIR"},
                                         {"--ca", "FILE"},
                                         {"--timeout", "MS"},
                                         {"--max-body", "BYTES"},
                                         {"--schemas", "DIR"}},
                                        proxy_command}};

}  // namespace
}  // namespace conform::cli
