// ResponseCheck: an upstream response to the vendor's documented operation checked against
// the vendor's schema for its status (the `default` response where the vendor has one), so
// logical failures the schema states (a success flag that must be true) are findings too. A
// read's success is checked against the message the manifest's mock.responses.read.validates_as
// names (as drift reads a recorded read-back), its failures by status.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "contracts/catalog.hpp"
#include "contracts/message_checker.hpp"
#include "model/finding.hpp"

namespace conform::proxy {

class ResponseCheck {
 public:
  // `strict`: undocumented members are findings too (responses are lenient by default).
  // Loads every response message's schema now (throws what Catalog::schema throws).
  ResponseCheck(const contracts::Catalog& catalog, const contracts::Manifest& vendor, bool strict);

  // Each message starts with the message's name ("response:200: ..."). `read`: the response
  // answers the vendor's read, not its update.
  Findings check(int status, const std::string& content_type, std::string_view body,
                 bool read = false) const;

 private:
  const contracts::Catalog& catalog_;
  const contracts::Manifest& vendor_;
  bool strict_;
  std::string read_message_;  // mock.responses.read.validates_as; empty: none
  // Each response message's checker, looked up once: the catalog's lookup resolves a path on
  // the file system and takes a lock on every call.
  std::map<const contracts::MessageSpec*, std::unique_ptr<const contracts::MessageChecker>>
      checkers_;
};

}  // namespace conform::proxy
