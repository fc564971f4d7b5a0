// ResponseCheck: an upstream response to the vendor's documented operation checked against
// the vendor's schema for its status (the `default` response where the vendor has one), so
// logical failures the schema states (a success flag that must be true) are findings too.
#pragma once

#include <string>
#include <string_view>

#include "contracts/catalog.hpp"
#include "model/finding.hpp"

namespace conform::proxy {

class ResponseCheck {
 public:
  // `strict`: undocumented members are findings too (responses are lenient by default).
  ResponseCheck(const contracts::Catalog& catalog, const contracts::Manifest& vendor, bool strict);

  // Each message starts with the message's name ("response:200: ...").
  Findings check(int status, const std::string& content_type, std::string_view body) const;

 private:
  const contracts::Catalog& catalog_;
  const contracts::Manifest& vendor_;
  bool strict_;
};

}  // namespace conform::proxy
