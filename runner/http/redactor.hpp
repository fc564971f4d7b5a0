// Redactor: hides secret values and credential headers before anything is shown or stored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/case_result.hpp"
#include "model/finding.hpp"

namespace conform::http {

inline constexpr std::string_view kRedacted = "***";

class Redactor {
 public:
  // Every later redact() replaces `value` (and its percent-encoded form) with ***.
  // Empty values are ignored: they would match everywhere.
  void add_secret(std::string_view value);

  // Replaces every known secret in `text`.
  std::string redact(std::string_view text) const;

  // Credential headers (Authorization, Cookie, API keys) keep only their scheme word
  // ("Bearer ***"); other headers have known secrets replaced.
  Headers redact_headers(const Headers& headers) const;

  void redact_in_place(Exchange& exchange) const;
  void redact_in_place(Finding& finding) const;

  bool empty() const { return secrets_.empty(); }

 private:
  std::vector<std::string> secrets_;  // longest first, so a secret containing another wins
};

// True for headers whose value is a credential whatever it holds.
bool is_credential_header(std::string_view name);

// RFC 3986 percent-encoding of everything but unreserved characters.
std::string percent_encode(std::string_view text);

}  // namespace conform::http
