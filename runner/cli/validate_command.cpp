// conform validate: payloads offline against a vendor's message or any draft-07 schema.
#include <algorithm>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/batch_validator.hpp"
#include "cli/command.hpp"
#include "cli/console.hpp"
#include "cli/limits_option.hpp"
#include "cli/payload_input.hpp"
#include "cli/result_json.hpp"
#include "cli/vendor_lookup.hpp"
#include "contracts/bulk_check.hpp"
#include "contracts/catalog.hpp"
#include "report/github_annotations.hpp"
#include "report/sarif.hpp"

namespace conform::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kHelp = R"(usage: conform validate VENDOR MESSAGE [options] FILE...
       conform validate --schema SCHEMA.json [options] FILE...

Validates payloads offline against a vendor's contract, or against any draft-07 schema.

  VENDOR    a vendor id ('conform vendors' lists them)
  MESSAGE   request | response:STATUS (STATUS as documented: 200, 400, 404, ...)
  FILE      a payload file, or - for standard input

options:
  --format json|xml|form   the payloads' encoding (default: from the file name, else sniffed)
  --ndjson                 every line of every FILE is one JSON payload
  --strict                 undocumented response properties are findings too
  --output FORMAT          text (default); json: one JSON object per payload (NDJSON), in
                           input order; sarif: one SARIF 2.1.0 log for code scanning;
                           github: ::error annotations for GitHub Actions
  --quiet                  print only the closing summary line
  --jobs N                 validate in parallel (default: all cores)
  --schema SCHEMA.json     validate against this JSON Schema instead of a vendor contract
  --map URL_PREFIX=DIR     resolve $refs under URL_PREFIX from files in DIR (offline)
  --schemas DIR            where the vendor contracts are (default: the ones conform ships)
  --limit NAME=N           raise or lower an input limit (repeatable; K, M, G suffixes):
                           body-bytes (256M), depth (512), string-bytes (128M), members
                           (1000000 per object or array), xml-elements (1000000); a payload
                           over one gets a "limit" finding (docs/limits.md)
  --max-findings N         report at most N findings per payload, then "... and M more
                           findings" (default 100; 0: all)

exit status: 0 every payload valid; 1 at least one invalid; 2 the command could not do its work

examples (VENDOR: an id 'conform vendors' lists):
  conform validate VENDOR request payload.json
  conform validate VENDOR request --format xml user.xml
  conform validate VENDOR request --ndjson --output json --jobs 2 requests.ndjson
  conform validate --schema my.schema.json --map https://example.com/schemas/=./schemas doc.json
  conform validate VENDOR request --output sarif payloads/*.json > conform.sarif
)";

enum class Output { text, json, sarif, github };

std::optional<Output> parse_output(const std::string& name) {
  if (name == "text") return Output::text;
  if (name == "json") return Output::json;
  if (name == "sarif") return Output::sarif;
  if (name == "github") return Output::github;
  return std::nullopt;
}

// SARIF and annotations close a capped payload with a note that says how many were left out.
Finding more_findings_note(const PayloadResult& result) {
  Finding note;
  note.severity = Severity::warning;
  note.keyword = "max-findings";
  note.message = more_findings_text(result.more_findings) + " (--max-findings)";
  return note;
}

// Prints results in input order and keeps the counts.
class Printer {
 public:
  Printer(Output output, bool quiet, secret::Policy secrets)
      : output_(output), quiet_(quiet), colour_(use_colour(1)), secrets_(std::move(secrets)) {
    // A SARIF log is one document: it is written even with --quiet, and even when empty.
    if (output_ == Output::sarif) {
      sarif_ = std::make_unique<report::SarifWriter>(std::cout,
                                                     report::SarifTool{"conform", CONFORM_VERSION},
                                                     std::filesystem::path(), secrets_);
    }
  }

  // `line`: 1-based for NDJSON, 0 for a whole file.
  void print(const std::string& file, std::size_t line, std::string_view bytes,
             PayloadResult& result) {
    ++total_;
    result.valid ? ++valid_ : ++invalid_;
    const int first_line = line > 0 ? static_cast<int>(line) : 1;
    if (sarif_) {
      sarif_->add(file, result.findings, first_line);
      if (result.more_findings > 0) sarif_->add(file, more_findings_note(result), first_line);
      return;
    }
    if (quiet_) return;
    result.file = file;
    result.line = line;
    switch (output_) {
      case Output::json:
        std::cout << result_to_json(result) << '\n';
        break;
      case Output::github:
        for (const auto& f : result.findings) {
          std::cout << report::github_annotation(f, file, first_line, secrets_) << '\n';
        }
        if (result.more_findings > 0) {
          std::cout << report::github_annotation(more_findings_note(result), file, first_line)
                    << '\n';
        }
        break;
      default:
        if (!result.findings.empty()) render_findings(std::cout, result, bytes, colour_);
    }
  }

  // Ends the SARIF log; the summary line then goes to stderr, as it does for json.
  void summary() {
    if (sarif_) sarif_->finish();
    const bool machine = output_ == Output::sarif || (output_ == Output::json && !quiet_);
    std::ostream& out = machine ? std::cerr : std::cout;
    out << total_ << (total_ == 1 ? " payload: " : " payloads: ") << valid_ << " valid, "
        << invalid_ << " invalid\n";
  }
  bool any_invalid() const { return invalid_ > 0; }

 private:
  Output output_;
  bool quiet_, colour_;
  secret::Policy secrets_;
  std::unique_ptr<report::SarifWriter> sarif_;
  std::size_t total_ = 0, valid_ = 0, invalid_ = 0;
};

struct Setup {
  std::shared_ptr<contracts::Catalog> catalog;       // vendor mode
  std::unique_ptr<schema::SchemaRegistry> registry;  // --schema mode
  Checker check;
  secret::Policy secrets;  // the vendor's secret members, for SARIF and GitHub output
};

void apply_maps(schema::SchemaRegistry& registry, const std::vector<std::string>& maps) {
  for (const auto& map : maps) {
    const auto eq = map.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == map.size()) {
      throw UsageError("--map takes URL_PREFIX=DIR, got \"" + map + "\"");
    }
    const fs::path dir = map.substr(eq + 1);
    if (!fs::is_directory(dir)) throw UsageError("--map: " + dir.string() + " is not a folder");
    registry.map_url_prefix(map.substr(0, eq), dir);
  }
}

Setup set_up(const Arguments& args, std::vector<std::string>& files, bool strict,
             const codec::Limits& limits, std::size_t max_findings) {
  Setup setup;
  contracts::CheckOptions options;
  options.strict = strict;
  options.limits = limits;
  options.max_findings = max_findings;
  const auto maps = args.values("--map");
  // The schema loads now: a broken one is exit 2 before any payload is read.
  std::shared_ptr<const contracts::BulkCheck> check;
  if (const auto schema_file = args.value("--schema")) {
    setup.registry = std::make_unique<schema::SchemaRegistry>();
    apply_maps(*setup.registry, maps);
    check = std::make_shared<const contracts::BulkCheck>(setup.registry->load_file(*schema_file),
                                                         options);
  } else {
    if (files.size() < 2) throw UsageError("name a VENDOR, a MESSAGE and at least one FILE");
    const std::string vendor_id = files[0];
    const std::string message_name = files[1];
    files.erase(files.begin(), files.begin() + 2);
    setup.catalog = load_catalog(args);
    apply_maps(setup.catalog->registry(), maps);
    const contracts::Manifest& vendor = find_vendor(*setup.catalog, vendor_id);
    const contracts::MessageSpec& message = find_message(*setup.catalog, vendor, message_name);
    check = std::make_shared<const contracts::BulkCheck>(*setup.catalog, vendor, message, options);
    setup.secrets.add_member_names(vendor.secret_fields);
  }
  // The catalog is captured for the manifest the check refers to.
  setup.check = [catalog = setup.catalog, check](std::string_view bytes,
                                                 std::optional<Format> format) {
    return check->check(bytes, format);
  };
  return setup;
}

int run(const Arguments& args) {
  std::optional<Format> format;
  if (const auto name = args.value("--format")) {
    format = parse_format(*name);
    if (!format) throw UsageError("--format takes json, xml or form, not \"" + *name + "\"");
  }
  const std::string output_name = args.value("--output").value_or("text");
  const auto output = parse_output(output_name);
  if (!output) {
    throw UsageError("--output takes text, json, sarif or github, not \"" + output_name + "\"");
  }
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  if (const auto text = args.value("--jobs")) {
    const auto n = parse_count(*text);
    if (!n || *n > 1024) throw UsageError("--jobs takes a whole number from 1 to 1024");
    jobs = static_cast<unsigned>(*n);
  }
  const bool ndjson = args.flag("--ndjson");
  if (ndjson && format && *format != Format::json) {
    throw UsageError("--ndjson reads JSON lines; it cannot be combined with --format " +
                     std::string(to_string(*format)));
  }

  codec::Limits limits;
  for (const auto& assignment : args.values("--limit")) {
    if (const std::string problem = apply_limit(assignment, limits); !problem.empty()) {
      throw UsageError(problem);
    }
  }
  std::size_t max_findings = 100;
  if (const auto text = args.value("--max-findings")) {
    const auto n = *text == "0" ? std::optional<long>(0) : parse_count(*text);
    if (!n) throw UsageError("--max-findings takes a whole number (0: every finding)");
    max_findings = static_cast<std::size_t>(*n);
  }
  std::vector<std::string> files = args.positional();
  Setup setup = set_up(args, files, args.flag("--strict"), limits, max_findings);
  if (files.empty()) throw UsageError("name at least one FILE (or - for standard input)");

  Printer printer(*output, args.flag("--quiet"), setup.secrets);
  BatchValidator validator(setup.check, jobs, limits.max_bytes, [&](Batch& batch) {
    for (std::size_t i = 0; i < batch.entries().size(); ++i) {
      const auto& entry = batch.entries()[i];
      printer.print(files[entry.file], entry.line, batch.bytes(entry), batch.results()[i]);
    }
    std::cout.flush();  // a stream's verdicts reach the reader batch by batch
  });
  PayloadInput input(files, ndjson, format, limits.max_bytes);
  validator.run([&input](Batch& batch) { return input.fill(batch); });
  printer.summary();
  if (input.unreadable()) return kExitCannotRun;
  return printer.any_invalid() ? kExitFindings : kExitOk;
}

const CommandRegistration registration{
    {"validate",
     "validate payloads offline against a vendor's contract or a schema",
     kHelp,
     {{"--format", "json|xml|form"},
      {"--output", "FORMAT"},
      {"--jobs", "N"},
      {"--map", "URL_PREFIX=DIR"},
      {"--schema", "SCHEMA.json"},
      {"--schemas", "DIR"},
      {"--limit", "NAME=N"},
      {"--max-findings", "N"},
      {"--ndjson"},
      {"--strict"},
      {"--quiet"}},
     run}};

}  // namespace
}  // namespace conform::cli
