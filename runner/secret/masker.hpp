// Masker: replaces secrets with "***" in whatever conform shows or stores, structurally first
// (credential headers, secret-named members, fields, parameters and URL user-info, by the one
// Policy), then by value (every known secret in each encoded form it can take). It never
// gives up on a body: what cannot be read as its format is masked as text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/case_result.hpp"
#include "model/finding.hpp"
#include "secret/policy.hpp"

namespace conform::secret {

class Masker {
 public:
  Masker() = default;
  explicit Masker(Policy policy) : policy_(std::move(policy)) {}

  // A secret value. Values of kMinTextualLength or more are masked wherever they appear, raw,
  // JSON-escaped, XML-escaped, percent-encoded or shell-quoted; shorter ones only where they
  // stand whole (a member's, field's, parameter's or header's entire value). Empty: ignored.
  void add_secret(std::string_view value);

  const Policy& policy() const { return policy_; }
  bool has_secrets() const { return !values_.empty(); }

  // Every long secret's every form, and the token after "Basic ", replaced.
  std::string mask_text(std::string_view text) const;

  // `value` is one whole value: "***" when it is a secret, else mask_text(value).
  std::string mask_value(std::string_view value) const;

  // The format from the Content-Type header, else from the first byte: JSON member values,
  // XML element text and attributes, form field values. Names and structure are kept.
  std::string mask_body(const Headers& headers, std::string_view body) const;

  // User-info, secret-named query parameters' values, and secrets anywhere.
  std::string mask_url(std::string_view url) const;

  // A credential header keeps only its scheme word ("Bearer ***"); other values mask_value.
  std::string mask_header(std::string_view name, std::string_view value) const;
  Headers mask_headers(const Headers& headers) const;

  // Credential headers (-H), -u/--user, URLs and bodies of a curl command; secrets anywhere.
  std::string mask_curl(std::string_view curl) const;

  void mask(Exchange& exchange) const;
  // A finding about a secret-named member (last JSON Pointer token or XPath step) loses the
  // value it quotes; secrets anywhere in it are masked.
  void mask(Finding& finding) const;

 private:
  std::string mask_json(std::string_view body) const;
  std::string mask_xml(std::string_view body) const;
  std::string mask_form(std::string_view body) const;
  std::string mask_query(std::string_view query) const;
  // Which encoded forms mask_forms replaces: all; all but those that could be a number's
  // digits (matched as whole tokens instead, where replacing them cannot break a body's
  // syntax); or only those holding a character that splits a body's tokens (" \ < > & =), so
  // a name in the body can never be touched.
  enum class Forms { all, not_numbers, token_splitting };
  std::string mask_forms(std::string_view text, Forms which) const;

  Policy policy_;
  std::vector<std::string> values_;  // every secret, as given
  std::vector<std::string> forms_;   // encoded forms of the long ones, longest first
};

}  // namespace conform::secret
