#include "contracts/catalog.hpp"

#include <algorithm>
#include <sstream>

#include "codec/decode.hpp"
#include "codec/xml_rules.hpp"
#include "contracts/manifest_reader.hpp"
#include "contracts/message_checker.hpp"
#include "text/file_bytes.hpp"

namespace conform::contracts {
namespace fs = std::filesystem;
namespace {

std::string read_file(const fs::path& file) {
  auto bytes = text::read_file_bytes(file);
  if (!bytes) throw CatalogError(file.string() + ": cannot read the file");
  return std::move(*bytes);
}

// "file:line:col: /pointer: message" for the first error, the form compilers use.
std::string describe(const fs::path& file, const Finding& finding) {
  std::ostringstream out;
  out << file.string();
  if (finding.line > 0) out << ":" << finding.line << ":" << finding.column;
  out << ": ";
  if (!finding.pointer.empty()) out << finding.pointer << ": ";
  out << finding.message;
  return out.str();
}

// Decodes a JSON file and checks it against `schema`; throws CatalogError naming the first
// problem with its line and column.
std::shared_ptr<rapidjson::Document> read_checked_json(const fs::path& file,
                                                       const schema::Schema& schema) {
  const std::string bytes = read_file(file);
  codec::DecodeOptions options;
  options.format = Format::json;
  codec::Decoded decoded = codec::decode(bytes, options);
  if (!decoded.ok || has_errors(decoded.findings)) {
    throw CatalogError(describe(file, decoded.findings.front()));
  }
  Findings findings;
  if (!schema.validate(decoded.value, &findings)) {
    Finding first = findings.front();
    if (decoded.source_map) {
      const codec::Location at = decoded.source_map->locate(first.pointer);
      first.line = at.line;
      first.column = at.column;
    }
    throw CatalogError(describe(file, first));
  }
  auto document = std::make_shared<rapidjson::Document>();
  document->Swap(decoded.value);
  return document;
}

void check_files_exist(const Manifest& manifest, const fs::path& file) {
  for (const auto& message : manifest.messages) {
    for (const auto& path : {message.schema_file, message.xml_rules_file}) {
      if (!path.empty() && !fs::is_regular_file(path)) {
        throw CatalogError(file.string() + ": message \"" + message.id.name() + "\" names " +
                           path.filename().string() + ", which does not exist in " +
                           manifest.dir.string());
      }
    }
  }
}

}  // namespace

std::shared_ptr<Catalog> Catalog::load(const fs::path& schemas_dir) {
  auto catalog = std::shared_ptr<Catalog>(new Catalog());
  catalog->schemas_dir_ = schemas_dir;
  catalog->registry_ = std::make_unique<schema::SchemaRegistry>();
  // Relative "$ref"s between files of the folder (manifest.schema.json -> mock.schema.json,
  // response-400 -> errors.schema.json) resolve to file:// URIs: read them from the folder.
  {
    std::error_code error;
    const fs::path canonical = fs::canonical(schemas_dir, error);
    if (!error) catalog->registry_->map_url_prefix("file://" + canonical.string() + "/", canonical);
  }

  const fs::path manifest_schema_file = schemas_dir / "manifest.schema.json";
  if (!fs::is_regular_file(manifest_schema_file)) {
    throw CatalogError(schemas_dir.string() +
                       ": not a schemas folder (it has no manifest.schema.json)");
  }
  std::shared_ptr<const schema::Schema> manifest_schema;
  try {
    manifest_schema = catalog->registry_->load_file(manifest_schema_file);
  } catch (const schema::SchemaError& e) {
    throw CatalogError(e.what());
  }

  std::vector<fs::path> manifests;
  for (const auto& entry : fs::directory_iterator(schemas_dir)) {
    const fs::path file = entry.path() / "vendor.json";
    if (entry.is_directory() && fs::is_regular_file(file)) manifests.push_back(file);
  }
  std::sort(manifests.begin(), manifests.end());
  for (const auto& file : manifests) {
    Manifest manifest =
        read_manifest(read_checked_json(file, *manifest_schema), file.parent_path());
    if (manifest.id != file.parent_path().filename().string()) {
      throw CatalogError(file.string() + ": /id: \"" + manifest.id +
                         "\" differs from its folder name \"" +
                         file.parent_path().filename().string() + "\"");
    }
    check_files_exist(manifest, file);
    catalog->vendors_.push_back(std::move(manifest));
  }
  return catalog;
}

const Manifest* Catalog::find(std::string_view id) const {
  for (const auto& vendor : vendors_) {
    if (vendor.id == id) return &vendor;
  }
  return nullptr;
}

const MessageSpec* Catalog::message(const Manifest& vendor, const MessageId& id) const {
  const MessageSpec* fallback = nullptr;
  for (const auto& message : vendor.messages) {
    if (message.id == id) return &message;
    if (id.kind == MessageId::Kind::response && message.id.kind == MessageId::Kind::response &&
        message.id.status == "default") {
      fallback = &message;
    }
  }
  return fallback;
}

std::shared_ptr<const schema::Schema> Catalog::schema(const Manifest&,
                                                      const MessageSpec& message) const {
  if (message.schema_file.empty()) return nullptr;
  return registry_->load_file(message.schema_file);
}

std::shared_ptr<const codec::XmlRules> Catalog::xml_rules(const Manifest&,
                                                          const MessageSpec& message) const {
  if (message.xml_rules_file.empty()) return nullptr;
  const std::string key = message.xml_rules_file.string();
  std::lock_guard<std::mutex> lock(mutex_);
  auto& slot = rules_[key];
  if (!slot) {
    try {
      slot = std::make_shared<const codec::XmlRules>(codec::XmlRules::load(message.xml_rules_file));
    } catch (const codec::XmlRulesError& e) {
      throw CatalogError(e.what());
    }
  }
  return slot;
}

PayloadResult Catalog::check(const Manifest& vendor, const MessageSpec& message,
                             std::string_view bytes, const CheckOptions& options) const {
  return MessageChecker(*this, vendor, message).check(bytes, options);
}

}  // namespace conform::contracts
