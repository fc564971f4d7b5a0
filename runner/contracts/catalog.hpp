// Catalog: the vendors conform knows, read from schemas/<id>/vendor.json manifests, with
// each message's compiled schema and XML rules loaded lazily and cached.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/limits.hpp"
#include "codec/rapidjson.hpp"
#include "contracts/manifest.hpp"
#include "model/finding.hpp"
#include "model/format.hpp"
#include "model/message.hpp"
#include "model/result.hpp"
#include "schema/schema.hpp"

namespace conform::codec {
class XmlRules;
}

namespace conform::contracts {

// A manifest or a file it names is broken: exit 2, naming the file, line and field.
class CatalogError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The contracts layer's verb is "check": decode a payload, validate the value against the
// message's schema (the schema layer's Schema::validate, ValidateOptions), place the findings.
// CheckOptions is the layer's one options type. The public API (conform/conform.hpp) keeps
// the command's word, Contracts::validate with PayloadOptions.
struct CheckOptions {
  // Undocumented response properties are findings too (drift mode).
  bool strict = false;
  // nullopt: the format of `media_type`, else the format the bytes look like (sniffing).
  std::optional<Format> format;
  // The media type the bytes were declared with ("application/merge-patch+json"): named
  // when the bytes look like another format; empty: the format's usual media type is named.
  std::string media_type;
  // How large a payload may be before decoding stops with a "limit" finding.
  codec::Limits limits;
  // Findings reported per payload, the first ones in document order; 0: all (conform
  // validate's --max-findings defaults to 100).
  std::size_t max_findings = 0;
};

class Catalog {
 public:
  // Reads every schemas_dir/<id>/vendor.json and validates it against
  // schemas_dir/manifest.schema.json. Throws CatalogError.
  static std::shared_ptr<Catalog> load(const std::filesystem::path& schemas_dir);

  const std::vector<Manifest>& vendors() const { return vendors_; }
  const Manifest* find(std::string_view id) const;

  // The message a payload is checked against: `response:STATUS` falls back to the
  // vendor's `response:default`; nullptr when the vendor does not document it.
  const MessageSpec* message(const Manifest& vendor, const MessageId& id) const;

  // Compiled schema and XML rules of one message (loaded once; thread-safe).
  std::shared_ptr<const schema::Schema> schema(const Manifest& vendor,
                                               const MessageSpec& message) const;
  std::shared_ptr<const codec::XmlRules> xml_rules(const Manifest& vendor,
                                                   const MessageSpec& message) const;

  // Checks one payload's bytes (MessageChecker::check); findings carry line:column (and XPath).
  PayloadResult check(const Manifest& vendor, const MessageSpec& message, std::string_view bytes,
                      const CheckOptions& options = {}) const;

  schema::SchemaRegistry& registry() const { return *registry_; }
  const std::filesystem::path& schemas_dir() const { return schemas_dir_; }

 private:
  std::filesystem::path schemas_dir_;
  std::vector<Manifest> vendors_;
  std::unique_ptr<schema::SchemaRegistry> registry_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::shared_ptr<const codec::XmlRules>> rules_;
};

}  // namespace conform::contracts
