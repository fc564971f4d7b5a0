// Policy: the one answer to "is this a secret?" for every module: which names (body members,
// XML elements, form fields, query parameters, headers) hold credentials, and the marker a
// secret is replaced by everywhere (replay, console, reports, snapshots, the mock's log).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace conform::secret {

// What a masked value reads as, everywhere.
inline constexpr std::string_view kRedacted = "***";

// Secret values shorter than this are masked only where they stand whole as a credential (a
// credential header, a member's or parameter's whole value), never inside other text: masking
// every "s" of a body corrupts it, and the pattern of stars would spell the secret out.
inline constexpr std::size_t kMinTextualLength = 4;

class Policy {
 public:
  // Member names a vendor's manifest marks secret ("secrets"): secret at any depth, matched
  // case-insensitively. Without them only names that say what they hold are secret.
  void add_member_names(const std::vector<std::string>& names);

  // A body member, XML element or form field: its name holds password, passwd, secret,
  // token, apikey, api_key, api-key or credential, is pw or pwd, or a manifest named it.
  // (Not a bare "key": a vendor's key/value metadata items have one.)
  bool is_secret_member(std::string_view name) const;

  // A query parameter: a secret member name, or key, sig, signature or auth.
  bool is_secret_parameter(std::string_view name) const;

  // Authorization, Proxy-Authorization, Cookie, Set-Cookie, API-key headers, and any header
  // whose name is a secret member name (X-Client-Secret, X-Access-Token).
  bool is_credential_header(std::string_view name) const;

 private:
  std::vector<std::string> members_;  // lower-case
};

}  // namespace conform::secret
