// conform openapi: a vendor's contract as an OpenAPI 3.1 document, for OpenAPI tools.
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/vendor_lookup.hpp"
#include "contracts/catalog.hpp"
#include "openapi/document.hpp"

namespace conform::cli {
namespace {

constexpr const char* kHelp =
    R"(usage: conform openapi VENDOR [--out FILE] [--output json] [--schemas DIR]

Prints the vendor's contract as an OpenAPI 3.1 document (JSON): the endpoint's path and
parameters, its security scheme, the request body per media type, one response per
documented status, and every schema under components/schemas (draft-07 rewritten for
OpenAPI 3.1). Schemathesis, Prism, Postman and other OpenAPI tools read it.

  VENDOR           a vendor id ('conform vendors' lists them)
  --out FILE       write the document to FILE instead of standard output
  --output json    the format, as in every command (JSON, the only one)
  --schemas DIR    where the vendor contracts are (default: the ones conform ships)

exit status: 0 written; 2 the command could not do its work

examples:
  conform openapi VENDOR --out VENDOR.openapi.json
  conform openapi VENDOR --out api.json && prism mock api.json
)";

int run(const Arguments& args) {
  // --output was once the destination: a file name there must not become a file "json".
  if (const auto format = args.value("--output"); format && *format != "json") {
    throw UsageError("--output is the format (json, the only one), not \"" + *format +
                     "\"; to write the document to a file: --out " + *format);
  }
  if (args.positional().size() != 1) throw UsageError("name one vendor: conform openapi VENDOR");
  const auto catalog = load_catalog(args);
  const contracts::Manifest& vendor = find_vendor(*catalog, args.positional()[0]);
  openapi::DocumentOptions options;
  options.version = CONFORM_VERSION;
  const openapi::Document document = openapi::build_document(*catalog, vendor, options);
  for (const auto& finding : document.findings) {
    std::cerr << "conform openapi: " << (finding.severity == Severity::warning ? "warning: " : "")
              << finding.message << "\n";
  }
  if (!document.json) return kExitCannotRun;
  const std::string text = openapi::to_json_text(*document.json);
  write_output(args, text);
  return kExitOk;
}

const CommandRegistration registration{
    {"openapi",
     "print a vendor's contract as an OpenAPI 3.1 document",
     kHelp,
     {{"--out", "FILE"}, {"--output", "json"}, {"--schemas", "DIR"}},
     run}};

}  // namespace
}  // namespace conform::cli
