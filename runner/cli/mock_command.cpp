// `conform mock`: serves the stateful mock of the vendors' endpoints until SIGINT/SIGTERM.
#include <signal.h>

#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/server_process.hpp"
#include "contracts/catalog.hpp"
#include "mock/server.hpp"
#include "mock/vendor_mock.hpp"

namespace conform::cli {
namespace {

constexpr const char* kUsage =
    "usage: conform mock [--vendor ID]... [--host 127.0.0.1] [--port N]\n"
    "                    [--profile default|drifted] [--seed N] [--latency MS|MIN-MAX]\n"
    "                    [--fault-rate P --fault 500|503|429|reset|truncate|garbage]...\n"
    "                    [--state FILE] [--tls-cert FILE --tls-key FILE] [--schemas DIR]\n"
    "\n"
    "Serves a stateful mock of each vendor's update-a-user endpoint, with the vendor's own\n"
    "credentials checks, validation errors, error envelopes and read-after-write. With one\n"
    "--vendor its endpoint is at the root, as on the live API; otherwise each vendor is under\n"
    "/<id> (PUT /<id>/users/{user_id}). The first line on stdout is\n"
    "'conform mock listening on http://HOST:PORT'; one access line per request goes to\n"
    "stderr (secrets redacted). SIGINT or SIGTERM stops it within 5 seconds: requests in\n"
    "progress finish first, slower ones are cut.\n"
    "\n"
    "options:\n"
    "  --vendor ID        mock this vendor (repeatable; default: all)\n"
    "  --host HOST        address to listen on (default 127.0.0.1)\n"
    "  --port N           port to listen on; 0 picks a free one (default 0)\n"
    "  --profile NAME     default: the documented contract; drifted: as if each vendor had\n"
    "                     changed its API (renamed field, changed type, new field, new enum\n"
    "                     value, changed error envelope)\n"
    "  --seed N           makes faults and generated ids reproducible (default 1)\n"
    "  --latency MS       delay every response by MS, or by MIN-MAX milliseconds\n"
    "  --fault-rate P     share of requests (0..1) answered with one of the --fault kinds\n"
    "  --fault KIND       500, 503, 429 (with Retry-After), reset (connection dropped),\n"
    "                     truncate (body cut short) or garbage (bytes that are no JSON)\n"
    "  --state FILE       load the users from FILE at start, save them there after every\n"
    "                     change (a kill -9 loses nothing answered)\n"
    "  --tls-cert FILE    serve HTTPS with this certificate (needs --tls-key)\n"
    "  --tls-key FILE     the certificate's private key\n"
    "  --max-body BYTES   larger request bodies get the vendor's 413 (default 1048576)\n"
    "  --schemas DIR      the vendor contracts (default: the installed schemas/)\n"
    "  -h, --help         show this help\n"
    "\n"
    "exit status: 0 stopped by a signal; 2 bad arguments, broken contracts, or the port is\n"
    "taken.\n"
    "\n"
    "example (every vendor on port 8080, slow and sometimes unavailable; Ctrl-C stops it):\n"
    "  conform mock --port 8080 --latency 5-50 --fault-rate 0.05 --fault 503 --seed 7\n";

// "ID: PUT /users/{user_id}" and "basic USER:PASSWORD": each vendor's routes and test
// credentials, read from the manifests (the help names no vendor of its own).
void print_fixtures(std::ostream& out, const contracts::Catalog& catalog) {
  out << "\nvendors (mounted under /<id> when several are served):\n";
  for (const auto& manifest : catalog.vendors()) {
    mock::VendorMock fixtures;
    try {
      fixtures = mock::read_vendor_mock(manifest);
    } catch (const std::exception&) {
      continue;
    }
    out << "  " << manifest.id << ": " << manifest.endpoint.method << " " << manifest.endpoint.path;
    if (!fixtures.read_route.empty()) {
      out << ", " << fixtures.read_method << " " << fixtures.read_route.path_template();
    }
    for (const auto& [id, user] : fixtures.users) out << "; user " << id;
    out << "\n";
    for (const auto& credential : fixtures.credentials) {
      out << "      ";
      if (!credential.token.empty()) out << "Authorization: Bearer " << credential.token;
      if (!credential.username.empty()) {
        out << "basic " << credential.username << ":" << credential.password;
      }
      if (credential.body && credential.body->IsObject()) {
        out << "in the body:";
        for (const auto& member : credential.body->GetObject()) {
          out << " " << member.name.GetString() << "="
              << (member.value.IsString() ? std::string(member.value.GetString())
                                          : std::to_string(member.value.GetInt64()));
        }
      }
      if (!fixtures.required_role.empty()) {
        bool has_role = false;
        for (const auto& role : credential.roles) has_role |= role == fixtures.required_role;
        out << (has_role ? " (has " : " (lacks ") << fixtures.required_role << ")";
      }
      out << "\n";
    }
  }
}

// "MS" or "MIN-MAX" -> the two bounds.
bool parse_latency(const std::string& text, int& min, int& max) {
  const std::size_t dash = text.find('-');
  unsigned long long low = 0;
  unsigned long long high = 0;
  constexpr unsigned long long kLimit = 600000;  // ten minutes
  if (dash == std::string::npos) {
    if (!parse_whole(text, kLimit, low)) return false;
    high = low;
  } else if (!parse_whole(text.substr(0, dash), kLimit, low) ||
             !parse_whole(text.substr(dash + 1), kLimit, high) || high < low) {
    return false;
  }
  min = static_cast<int>(low);
  max = static_cast<int>(high);
  return true;
}

bool parse_rate(const std::string& text, double& out) {
  char* end = nullptr;
  errno = 0;
  out = std::strtod(text.c_str(), &end);
  return !text.empty() && errno == 0 && end && *end == '\0' && out >= 0 && out <= 1;
}

// After the help: the fixtures of the contracts --schemas names.
void help_fixtures(const Arguments& parsed, std::ostream& out) {
  try {
    print_fixtures(out, *load_catalog(parsed));
  } catch (const CannotRun&) {
    // Without readable contracts the help still stands on its own.
  }
}

int mock_command(const Arguments& parsed) {
  if (!parsed.positional().empty()) {
    throw UsageError("unexpected argument '" + parsed.positional().front() +
                     "'; name vendors with --vendor ID");
  }
  mock::MockOptions options;
  options.vendors = parsed.values("--vendor");
  if (const auto host = parsed.value("--host")) options.host = *host;
  unsigned long long number = 0;
  if (const auto port = parsed.value("--port")) {
    if (!parse_whole(*port, 65535, number)) {
      throw UsageError("--port takes a number from 0 to 65535 (0 picks a free port), not '" +
                       *port + "'");
    }
    options.port = static_cast<int>(number);
  }
  if (const auto profile = parsed.value("--profile")) {
    if (*profile != "default" && *profile != "drifted") {
      throw UsageError("--profile is default or drifted, not '" + *profile + "'");
    }
    options.profile = *profile;
  }
  if (const auto seed = parsed.value("--seed")) {
    if (!parse_whole(*seed, ~0ULL, number)) {
      throw UsageError("--seed takes a whole number, not '" + *seed + "'");
    }
    options.seed = number;
  }
  if (const auto latency = parsed.value("--latency")) {
    if (!parse_latency(*latency, options.latency_min_ms, options.latency_max_ms)) {
      throw UsageError("--latency takes milliseconds (50) or a range (20-200), not '" + *latency +
                       "'");
    }
  }
  if (const auto rate = parsed.value("--fault-rate")) {
    if (!parse_rate(*rate, options.fault_rate)) {
      throw UsageError(
          "--fault-rate takes a share from 0 to 1 (0.1 is one request in ten), "
          "not '" +
          *rate + "'");
    }
  }
  options.faults = parsed.values("--fault");
  if (options.fault_rate > 0 && options.faults.empty()) {
    throw UsageError(
        "--fault-rate needs at least one --fault "
        "(500, 503, 429, reset, truncate or garbage)");
  }
  if (!options.faults.empty() && options.fault_rate == 0) {
    throw UsageError("--fault needs --fault-rate P (the share of requests that get a fault)");
  }
  if (const auto state = parsed.value("--state")) options.state_file = *state;
  if (const auto cert = parsed.value("--tls-cert")) options.tls_cert = *cert;
  if (const auto key = parsed.value("--tls-key")) options.tls_key = *key;
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    throw UsageError("HTTPS needs both --tls-cert FILE and --tls-key FILE");
  }
  if (const auto max_body = parsed.value("--max-body")) {
    if (!parse_whole(*max_body, 1ULL << 32, number) || number == 0) {
      throw UsageError("--max-body takes a number of bytes, not '" + *max_body + "'");
    }
    options.max_body_bytes = static_cast<std::size_t>(number);
  }
  options.access_log = &std::cerr;

  const std::shared_ptr<const contracts::Catalog> catalog = load_catalog(parsed);

  mock::MockServer server(catalog, options);
  const sigset_t stop_signals = serve(server, "mock", {SIGINT, SIGTERM});

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  server.stop();
  if (!server.state_error().empty()) {
    throw CannotRun("could not save the state: " + server.state_error());
  }
  return kExitOk;
}

const CommandRegistration registration{{"mock",
                                        "serve a stateful mock of the vendors' endpoints",
                                        kUsage,
                                        {{"--vendor", "VENDOR"},
                                         {"--host", "HOST"},
                                         {"--port", "N"},
                                         {"--profile", "default|drifted"},
                                         {"--seed", "N"},
                                         {"--latency", "MS|MIN-MAX"},
                                         {"--fault-rate", "P"},
                                         {"--fault", "500|503|429|reset|truncate|garbage"},
                                         {"--state", "FILE"},
                                         {"--tls-cert", "FILE"},
                                         {"--tls-key", "FILE"},
                                         {"--max-body", "BYTES"},
                                         {"--schemas", "DIR"}},
                                        mock_command,
                                        help_fixtures}};

}  // namespace
}  // namespace conform::cli
