// conform openapi: a vendor's contract as an OpenAPI 3.1 document, for OpenAPI tools.
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/schemas_location.hpp"
#include "contracts/catalog.hpp"
#include "openapi/document.hpp"
#include "report/atomic_file.hpp"
#include "schema/suggest.hpp"

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

int usage(const std::string& message) {
  std::cerr << "conform openapi: " << message << "\nRun 'conform openapi --help' for usage.\n";
  return kExitUsage;
}

int run(const std::vector<std::string>& argv) {
  const Arguments args(argv, {"--out", "--output", "--schemas"}, {"--help", "-h"});
  if (args.flag("--help") || args.flag("-h")) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (!args.error().empty()) return usage(args.error());
  // --output was once the destination: a file name there must not become a file "json".
  if (const auto format = args.value("--output"); format && *format != "json") {
    return usage("--output is the format (json, the only one), not \"" + *format +
                 "\"; to write the document to a file: --out " + *format);
  }
  if (args.positional().size() != 1) return usage("name one vendor: conform openapi VENDOR");
  const std::string& vendor_id = args.positional()[0];
  try {
    const auto catalog = contracts::Catalog::load(schemas_location(args.value("--schemas")));
    const contracts::Manifest* vendor = catalog->find(vendor_id);
    if (vendor == nullptr) {
      std::vector<std::string> ids;
      for (const auto& v : catalog->vendors()) ids.push_back(v.id);
      const std::vector<std::string_view> candidates(ids.begin(), ids.end());
      const auto nearest = schema::suggest_name(vendor_id, candidates);
      return usage("unknown vendor \"" + vendor_id + "\"" +
                   (nearest ? "; did you mean \"" + *nearest + "\"?" : "") +
                   " ('conform vendors' lists them)");
    }
    openapi::DocumentOptions options;
    options.version = CONFORM_VERSION;
    const openapi::Document document = openapi::build_document(*catalog, *vendor, options);
    for (const auto& finding : document.findings) {
      std::cerr << "conform openapi: " << (finding.severity == Severity::warning ? "warning: " : "")
                << finding.message << "\n";
    }
    if (!document.json) return kExitUsage;
    const std::string text = openapi::to_json_text(*document.json);
    if (const auto out = args.value("--out")) {
      report::write_file_atomically(*out, text);
    } else {
      std::cout << text;
    }
    return kExitOk;
  } catch (const contracts::CatalogError& e) {
    std::cerr << "conform openapi: broken vendor contract: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::runtime_error& e) {  // --out could not be written
    std::cerr << "conform openapi: " << e.what() << "\n";
    return kExitUsage;
  }
}

const CommandRegistration registration{
    {"openapi", "print a vendor's contract as an OpenAPI 3.1 document", run}};

}  // namespace
}  // namespace conform::cli
