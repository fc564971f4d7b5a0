// conform: the library's public API. Validate a vendor message's bytes before sending them.
//
//   #include <conform/conform.hpp>
//
//   const conform::Contracts contracts = conform::Contracts::load();  // installed schemas
//   const conform::Verdict verdict = contracts.validate(vendor_id, "request", body);
//   if (!verdict.valid) {
//     for (const conform::Finding& f : verdict.findings) {
//       std::cerr << f.line << ":" << f.column << " " << f.pointer << ": " << f.message << "\n";
//     }
//   }
//
// Loading reads and compiles every vendor's schemas and XML rules once; after that a
// Contracts is immutable, so any number of threads may call validate() on it (or on copies
// of it, which share the loaded contracts) at the same time.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// Quoted includes resolve beside this header first: installed, these are
// <prefix>/include/conform/model/*.hpp; in the source tree, runner/model/*.hpp.
#include "model/finding.hpp"
#include "model/format.hpp"

// The schemas folder of the installed package; the package config (conformConfig.cmake)
// defines it on conform::conform, so a relocated install still finds its own schemas.
#ifndef CONFORM_INSTALLED_SCHEMAS_DIR
#define CONFORM_INSTALLED_SCHEMAS_DIR ""
#endif

namespace conform {

// The contracts could not be loaded: the folder is not a schemas folder, or a manifest,
// schema or XML rules file in it is broken. what() names the file (and line:column and the
// field where known).
class LoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// How to read one payload.
struct PayloadOptions {
  // The payload's encoding; nullopt: taken from the bytes (XML, a form, else JSON).
  std::optional<Format> format;
  // Undocumented response members are findings too (responses are lenient by default).
  bool strict = false;
};

// The verdict on one payload.
struct Verdict {
  // False when any finding is an error (warnings alone leave a payload valid).
  bool valid = false;
  // Every problem: pointer (JSON Pointer into the decoded value), line and column in the
  // bytes (1-based; 0 when unknown), xpath (XML), keyword ("required",
  // "additionalProperties", "format", "syntax", ...), message (one line, with "did you
  // mean" for near-miss member names), expected and actual where they exist.
  // An unknown vendor or message is one finding with keyword "vendor" or "message".
  Findings findings;
};

// Where Contracts::load() looks when not told: $CONFORM_SCHEMAS when set; else `installed`
// (the installed package's share/conform/schemas, as its package config says); else the
// schemas folder of the prefix the library was built for; else the source tree's.
std::filesystem::path default_schemas_dir(
    std::string_view installed = CONFORM_INSTALLED_SCHEMAS_DIR);

// The vendors' contracts: manifests, compiled schemas and XML rules.
class Contracts {
 public:
  // Loads every schemas_dir/<vendor>/vendor.json with all its schemas and XML rules.
  // Throws LoadError.
  static Contracts load(const std::filesystem::path& schemas_dir = default_schemas_dir());

  // The folder the contracts were loaded from.
  const std::filesystem::path& schemas_dir() const;

  // Vendor ids, sorted (the names of the schemas folder's vendor folders).
  std::vector<std::string> vendors() const;

  // A vendor's documented messages ("request", "response:200", "response:default"); empty
  // for an unknown vendor.
  std::vector<std::string> messages(std::string_view vendor) const;

  // Decodes `bytes` and validates them against the vendor's message. `message` is
  // "request" or "response:STATUS"; a status the vendor does not document uses its
  // "response:default" when it has one.
  Verdict validate(std::string_view vendor, std::string_view message, std::string_view bytes,
                   const PayloadOptions& options = {}) const;

 private:
  struct Loaded;
  explicit Contracts(std::shared_ptr<const Loaded> loaded);
  std::shared_ptr<const Loaded> loaded_;
};

}  // namespace conform
