// conform convert: one payload from one encoding to another (json, xml, form) by the
// message's schema types and XML rules, so a payload is written once and sent in any.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/console.hpp"
#include "cli/path_check.hpp"
#include "cli/vendor_lookup.hpp"
#include "codec/decode.hpp"
#include "codec/encode.hpp"
#include "codec/sniff.hpp"
#include "codec/xml_rules.hpp"
#include "contracts/catalog.hpp"
#include "contracts/schema_resolver.hpp"

namespace conform::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kHelp =
    R"(usage: conform convert VENDOR MESSAGE [--from json|xml|form] --to json|xml|form FILE

Reads one payload of a vendor's message and prints it in another encoding, by the same
schema types and XML rules 'conform validate' reads it with: root, namespaces, child order,
list encodings and enum names for XML; key=value pairs for forms. The payload is validated
on the way: its findings go to standard error.

  VENDOR    a vendor id ('conform vendors' lists them)
  MESSAGE   request | response:STATUS
  FILE      the payload, or - for standard input

options:
  --from json|xml|form   the payload's encoding (default: from the file name, else sniffed)
  --to json|xml|form     the encoding to print (xml needs a message with XML rules)
  --schemas DIR          where the vendor contracts are (default: the ones conform ships)

exit status: 0 converted, and the payload is valid; 1 the payload has findings (converted
when it could still be read); 2 the command could not do its work

example:
  conform convert VENDOR request --to xml user.json   (VENDOR: an id 'conform vendors' lists)
)";

Format format_option(const Arguments& args, const char* name) {
  const auto text = args.value(name);
  const auto format = text ? parse_format(*text) : std::nullopt;
  if (!format) {
    throw UsageError(std::string(name) + " takes json, xml or form" +
                     (text ? ", not \"" + *text + "\"" : ""));
  }
  return *format;
}

// The format a file name says (".xml", ".form"...), else what the bytes look like.
Format input_format(const std::string& file, std::string_view bytes) {
  const std::string ext = file == "-" ? "" : fs::path(file).extension().string();
  if (ext == ".json" || ext == ".ndjson") return Format::json;
  if (ext == ".xml") return Format::xml;
  if (ext == ".form") return Format::form;
  switch (codec::sniff(bytes)) {
    case codec::Sniffed::xml:
      return Format::xml;
    case codec::Sniffed::form:
      return Format::form;
    default:
      return Format::json;
  }
}

bool read_whole(const std::string& file, std::string& bytes) {
  std::ostringstream all;
  if (file == "-") {
    all << std::cin.rdbuf();
    bytes = all.str();
    return !std::cin.bad();
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  all << in.rdbuf();
  bytes = all.str();
  return !in.bad();
}

int run(const Arguments& args) {
  if (args.positional().size() != 3) throw UsageError("expected VENDOR MESSAGE FILE");
  const std::string& vendor_id = args.positional()[0];
  const std::string& message_name = args.positional()[1];
  const std::string& file = args.positional()[2];
  const Format to = format_option(args, "--to");

  const auto catalog = load_catalog(args);
  const contracts::Manifest* vendor = &find_vendor(*catalog, vendor_id);
  const contracts::MessageSpec* message = &find_message(*catalog, *vendor, message_name);
  if (message->empty_body) {
    throw CannotRun(vendor->id + " " + message->id.name() +
                    " has no body: there is nothing to convert");
  }
  const auto schema = catalog->schema(*vendor, *message);
  const auto rules = catalog->xml_rules(*vendor, *message);
  std::string bytes;
  if (const std::string problem = file == "-" ? "" : path_problem(file, PathKind::file);
      !problem.empty()) {
    throw CannotRun("cannot read " + file + ": " + problem);
  }
  if (!read_whole(file, bytes)) throw CannotRun("cannot read " + file);
  const Format from =
      args.value("--from") ? format_option(args, "--from") : input_format(file, bytes);
  if ((from == Format::xml || to == Format::xml) && rules == nullptr) {
    throw CannotRun(vendor->id + " " + message->id.name() +
                    " has no XML form (its manifest entry names no xml_rules)");
  }

  // Cross-file $refs ("errors.schema.json#/...") resolve beside the message's schema.
  const codec::SchemaResolver resolver = contracts::schema_resolver(*catalog, *vendor);

  // Findings (decoding and schema), placed in the source, go to standard error.
  contracts::CheckOptions check_options;
  check_options.format = from;
  PayloadResult checked = catalog->check(*vendor, *message, bytes, check_options);
  checked.file = file;

  codec::DecodeOptions decode_options;
  decode_options.format = from;
  decode_options.schema = &schema->document();
  decode_options.resolver = resolver;
  decode_options.xml_rules = rules.get();
  const codec::Decoded decoded = codec::decode(bytes, decode_options);

  const bool colour = use_colour(2);
  if (!checked.findings.empty()) render_findings(std::cerr, checked, bytes, colour);
  if (!decoded.ok) {
    std::cerr << "conform convert: " << file << " could not be read as " << to_string(from)
              << "; nothing converted\n";
    return kExitFindings;
  }

  codec::EncodeOptions encode_options;
  encode_options.format = to;
  encode_options.schema = &schema->document();
  encode_options.resolver = resolver;
  encode_options.xml_rules = rules.get();
  const codec::Encoded encoded = codec::encode(decoded.value, encode_options);
  if (!encoded.findings.empty()) {
    PayloadResult notes;
    notes.file = file;
    notes.findings = encoded.findings;
    render_findings(std::cerr, notes, "", colour);
  }
  if (!encoded.ok) {
    std::cerr << "conform convert: the payload cannot be written as " << to_string(to) << "\n";
    return kExitFindings;
  }
  std::cout << encoded.bytes;
  if (to == Format::form) std::cout << "\n";
  return checked.valid ? kExitOk : kExitFindings;
}

const CommandRegistration registration{
    {"convert",
     "print a payload in another encoding (json, xml, form)",
     kHelp,
     {{"--from", "json|xml|form"}, {"--to", "json|xml|form"}, {"--schemas", "DIR"}},
     run}};

}  // namespace
}  // namespace conform::cli
