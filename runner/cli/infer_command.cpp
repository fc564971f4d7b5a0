// `conform infer`: prints a draft-07 schema describing the recorded bodies of one
// vendor's message, to start a schema update from evidence.
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/drift_options.hpp"
#include "codec/decode.hpp"
#include "codec/encode.hpp"
#include "contracts/catalog.hpp"
#include "contracts/payload_check.hpp"
#include "drift/infer.hpp"
#include "drift/recording_check.hpp"

namespace conform::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: conform infer DIR [--vendor ID] [--message NAME] [--schemas DIR]\n"
    "\n"
    "Prints a draft-07 JSON Schema that describes the bodies `conform record` stored in DIR\n"
    "for one vendor's message (request, response:200, ...): the types seen, required =\n"
    "present in every sample, formats the validator recognises, enums for small closed sets.\n"
    "Start a schema update from it; compare with `conform diff`.\n"
    "\n"
    "options:\n"
    "  --vendor ID         the vendor (needed when DIR holds several)\n"
    "  --message NAME      the message (needed when the vendor's snapshots have several)\n"
    "  --schemas DIR       the vendor contracts, to read XML bodies by type (default: the\n"
    "                      installed schemas/)\n"
    "  -h, --help          show this help\n"
    "\n"
    "exit status: 0 printed; 2 bad arguments, an unreadable recording, or no single message\n"
    "selected (the error lists those in DIR).\n"
    "\n"
    "example:\n"
    "  conform infer snapshots --vendor VENDOR --message response:200 > inferred.json\n";

int run_infer(const Arguments& parsed) {
  if (parsed.positional().size() != 1) {
    throw UsageError("give one recording folder (from `conform record --out DIR`)");
  }
  const auto catalog = load_catalog(parsed);
  const drift::Recording recording = read_recording_checked(parsed.positional().front());

  const auto vendor_filter = parsed.value("--vendor");
  const auto message_filter = parsed.value("--message");
  std::map<std::pair<std::string, std::string>, std::vector<const drift::Snapshot*>> groups;
  for (const drift::Snapshot& snapshot : recording.snapshots) {
    const contracts::Manifest* vendor = catalog->find(snapshot.vendor);
    if (!vendor || snapshot.body.empty()) continue;
    if (vendor_filter && *vendor_filter != snapshot.vendor) continue;
    const std::string message = drift::message_for(*vendor, snapshot);
    if (message_filter && *message_filter != message) continue;
    groups[{snapshot.vendor, message}].push_back(&snapshot);
  }
  if (groups.size() != 1) {
    std::cerr << "conform infer: "
              << (groups.empty() ? "no recorded body matches" : "several messages match")
              << "; choose one with --vendor and --message:\n";
    std::map<std::pair<std::string, std::string>, std::size_t> all;
    for (const drift::Snapshot& snapshot : recording.snapshots) {
      const contracts::Manifest* vendor = catalog->find(snapshot.vendor);
      if (vendor && !snapshot.body.empty())
        ++all[{snapshot.vendor, drift::message_for(*vendor, snapshot)}];
    }
    for (const auto& [key, count] : all) {
      std::cerr << "  --vendor " << key.first << " --message " << key.second << "   (" << count
                << (count == 1 ? " body" : " bodies") << ")\n";
    }
    return kExitCannotRun;
  }
  const auto& [key, snapshots] = *groups.begin();
  const contracts::Manifest& vendor = *catalog->find(key.first);
  const auto id = parse_message_id(key.second);
  const contracts::MessageSpec* spec = id ? catalog->message(vendor, *id) : nullptr;
  std::vector<codec::Decoded> decoded;
  decoded.reserve(snapshots.size());
  std::vector<const rapidjson::Value*> samples;
  std::shared_ptr<const schema::Schema> compiled;
  std::shared_ptr<const codec::XmlRules> rules;
  if (spec && !spec->empty_body) {
    compiled = catalog->schema(vendor, *spec);
    rules = catalog->xml_rules(vendor, *spec);
  }
  std::size_t unreadable = 0;
  for (const drift::Snapshot* snapshot : snapshots) {
    codec::DecodeOptions options;
    const auto type = drift::header_value(*snapshot, "content-type");
    options.format = format_of_media_type(type).value_or(contracts::likely_format(snapshot->body));
    if (compiled) options.schema = &compiled->document();
    options.xml_rules = rules.get();
    decoded.push_back(codec::decode(snapshot->body, options));
    if (decoded.back().ok) {
      samples.push_back(&decoded.back().value);
    } else {
      ++unreadable;
    }
  }
  if (samples.empty()) throw CannotRun("none of the bodies could be read");
  const rapidjson::Document schema = drift::infer_schema(samples);
  codec::EncodeOptions options;
  options.format = Format::json;
  std::cout << codec::encode(schema, options).bytes;
  std::cerr << "inferred from " << samples.size() << " " << key.first << " " << key.second
            << " bodies" << (unreadable ? " (" + std::to_string(unreadable) + " unreadable)" : "")
            << "\n";
  return kExitOk;
}

const CommandRegistration kRegistration{
    {"infer",
     "print a draft-07 schema inferred from recorded responses",
     kUsage,
     {{"--vendor", "VENDOR"}, {"--message", "MESSAGE"}, {"--schemas", "DIR"}},
     run_infer}};

}  // namespace
}  // namespace conform::cli
