#include "conform/conform.hpp"

#include <cstdlib>
#include <system_error>
#include <utility>

#include "contracts/catalog.hpp"
#include "schema/schema.hpp"
#include "schema/suggest.hpp"

namespace conform {
namespace fs = std::filesystem;

struct Contracts::Loaded {
  std::shared_ptr<const contracts::Catalog> catalog;
};

namespace {

bool is_schemas_dir(const fs::path& dir) {
  std::error_code error;
  return !dir.empty() && fs::is_regular_file(dir / "manifest.schema.json", error);
}

// Compiles every message's schema and XML rules now, so validate() never meets a broken
// file (or a lock held for a first compile) later.
void compile_all(const contracts::Catalog& catalog) {
  for (const auto& manifest : catalog.vendors()) {
    for (const auto& message : manifest.messages) {
      try {
        catalog.schema(manifest, message);
        catalog.xml_rules(manifest, message);
      } catch (const schema::SchemaError& e) {
        throw LoadError(e.what());
      } catch (const contracts::CatalogError& e) {
        throw LoadError(e.what());
      }
    }
  }
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "\"" : ", \"") + name + "\"";
  return out;
}

// An unknown vendor or message: the one finding of its verdict. `suggest`: a near name is
// likely a typo ("requst"), not another status ("response:418" is not "response:400").
Verdict unknown(std::string keyword, const std::string& what, std::string_view name,
                const std::vector<std::string>& known, bool suggest = true) {
  Finding finding;
  finding.keyword = std::move(keyword);
  finding.message = "unknown " + what + " \"" + std::string(name) + "\"";
  const std::vector<std::string_view> candidates(known.begin(), known.end());
  if (const auto nearest = suggest ? schema::suggest_name(name, candidates) : std::nullopt) {
    finding.message += "; did you mean \"" + *nearest + "\"?";
  }
  finding.expected = "one of " + quoted_list(known);
  finding.actual = "\"" + std::string(name) + "\"";
  Verdict verdict;
  verdict.findings.push_back(std::move(finding));
  return verdict;
}

}  // namespace

Contracts::Contracts(std::shared_ptr<const Loaded> loaded) : loaded_(std::move(loaded)) {}

Contracts Contracts::load(const fs::path& schemas_dir) {
  auto loaded = std::make_shared<Loaded>();
  try {
    loaded->catalog = contracts::Catalog::load(schemas_dir);
  } catch (const contracts::CatalogError& e) {
    throw LoadError(e.what());
  } catch (const fs::filesystem_error& e) {
    throw LoadError(schemas_dir.string() + ": " + e.code().message());
  }
  compile_all(*loaded->catalog);
  return Contracts(std::move(loaded));
}

fs::path default_schemas_dir(std::string_view installed) {
  if (const char* env = std::getenv("CONFORM_SCHEMAS"); env != nullptr && *env != '\0') {
    return env;
  }
  for (const fs::path& candidate : {fs::path(installed), fs::path(CONFORM_LIBRARY_SCHEMAS_DIR)}) {
    if (is_schemas_dir(candidate)) return candidate;
  }
  return CONFORM_SOURCE_SCHEMAS_DIR;
}

const fs::path& Contracts::schemas_dir() const { return loaded_->catalog->schemas_dir(); }

std::vector<std::string> Contracts::vendors() const {
  std::vector<std::string> ids;
  for (const auto& manifest : loaded_->catalog->vendors()) ids.push_back(manifest.id);
  return ids;
}

std::vector<std::string> Contracts::messages(std::string_view vendor_id) const {
  std::vector<std::string> names;
  if (const auto* manifest = loaded_->catalog->find(vendor_id)) {
    for (const auto& message : manifest->messages) names.push_back(message.id.name());
  }
  return names;
}

Verdict Contracts::validate(std::string_view vendor_id, std::string_view message,
                            std::string_view bytes, const PayloadOptions& options) const {
  const contracts::Catalog& catalog = *loaded_->catalog;
  const auto* manifest = catalog.find(vendor_id);
  if (manifest == nullptr) return unknown("vendor", "vendor", vendor_id, vendors());
  const auto id = parse_message_id(message);
  const auto* spec = id ? catalog.message(*manifest, *id) : nullptr;
  if (spec == nullptr) {
    return unknown("message", manifest->id + " message", message, messages(vendor_id),
                   !id.has_value());
  }
  contracts::CheckOptions check;
  check.format = options.format;
  check.strict = options.strict;
  PayloadResult result = catalog.check(*manifest, *spec, bytes, check);
  Verdict verdict;
  verdict.valid = result.valid;
  verdict.findings = std::move(result.findings);
  return verdict;
}

}  // namespace conform
