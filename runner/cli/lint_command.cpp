// `conform lint`: checks case files without sending anything: schema errors, unknown vendors
// and messages (errors); literal credentials and unused captures (warnings).
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <tuple>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/case_run_options.hpp"
#include "cli/command.hpp"
#include "cli/console.hpp"
#include "cli/result_json.hpp"
#include "contracts/catalog.hpp"
#include "replay/case_loader.hpp"
#include "replay/lint.hpp"

namespace conform::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    R"(usage: conform lint [CASE_FILE|DIR]... [--strict] [--output text|json]
                   [--schemas DIR]

Checks replay case files without sending a request. Errors: the file breaks the case-file
schema, names an unknown vendor, or expects a message its vendor does not document.
Warnings: a credential written into the file (an Authorization header, auth token or
password, a Password, IntegrationKey, PasswordSalt, TwoFactorSecret or other secret-named
body member or var, also inside a body_file) instead of a ${VARIABLE}; a capture that no
later step reads. Values meant to be wrong ("wrong-password") and the mock's published test
credentials are not warned about. Folders are searched like replay does (default: the
cases/ folder beside the schemas).

options:
  --strict           warnings fail the run too (exit 1)
  --output FORMAT    text (default) or json: one JSON object per file (NDJSON)
  --schemas DIR      the vendor contracts (default: the installed schemas/)
  -h, --help         show this help

exit status: 0 no errors (warnings allowed unless --strict); 1 at least one error, or a
warning with --strict; 2 bad arguments, a missing path, or unreadable contracts.

example:
  conform lint cases/ --strict
)";

// Overwrites each secret in the quoted source with as many '*': the warning shows where a
// credential is without printing it, and carets stay under the same columns.
void mask(std::string& source, const std::vector<std::string>& secrets) {
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    for (std::size_t at = source.find(secret); at != std::string::npos;
         at = source.find(secret, at + secret.size())) {
      source.replace(at, secret.size(), std::string(secret.size(), '*'));
    }
  }
}

void sort_by_position(Findings& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
}

int lint_command(const Arguments& parsed) {
  const std::string output = parsed.value("--output").value_or("text");
  if (output != "text" && output != "json") {
    throw UsageError("--output is text or json, not '" + output + "'");
  }
  const auto catalog = load_catalog(parsed);
  const auto loader = load_case_loader(*catalog);
  std::vector<fs::path> paths(parsed.positional().begin(), parsed.positional().end());
  if (paths.empty()) paths.push_back(cases_location(*catalog));
  Findings problems;
  const auto files = replay::discover_case_files(paths, problems);
  if (!problems.empty()) {
    for (const auto& problem : problems) std::cerr << "conform lint: " << problem.message << "\n";
    return kExitCannotRun;
  }

  const bool colour = output == "text" && use_colour(STDOUT_FILENO);
  std::size_t errors = 0, warnings = 0, clean = 0;
  for (const auto& file : files) {
    auto loaded = loader->load_case(file);
    PayloadResult result;
    result.file = file.string();
    std::vector<std::string> secrets;
    result.findings = loaded.value
                          ? replay::lint_case(*loaded.value, loaded.source, *catalog, &secrets)
                          : std::move(loaded.findings);
    mask(loaded.source, secrets);
    sort_by_position(result.findings);
    result.valid = !has_errors(result.findings);
    for (const auto& finding : result.findings) {
      (finding.severity == Severity::error ? errors : warnings) += 1;
    }
    if (result.findings.empty()) ++clean;
    if (output == "json") {
      std::cout << result_to_json(result) << "\n";
    } else if (!result.findings.empty()) {
      render_findings(std::cout, result, loaded.source, colour);
    }
  }
  if (output == "text") {
    std::cout << files.size() << (files.size() == 1 ? " case file" : " case files") << ": " << clean
              << " clean, " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
              << (warnings == 1 ? " warning" : " warnings") << "\n";
  }
  if (errors > 0 || (warnings > 0 && parsed.flag("--strict"))) return kExitFindings;
  return kExitOk;
}

const CommandRegistration registration{
    {"lint",
     "check case files: schema, vendors, messages, literal secrets, unused captures",
     kUsage,
     {{"--output", "text|json"}, {"--schemas", "DIR"}, {"--strict"}},
     lint_command}};

}  // namespace
}  // namespace conform::cli
