// Body redaction, the writers' defence for message bodies: members whose name says they
// hold a secret (Password, PasswordSalt, IntegrationKey, TwoFactorSecret, AccessToken, ...)
// are masked with "***" in JSON, XML and form bodies, in case the replay's redaction by the
// manifest's secret fields missed one.
#pragma once

#include <string>
#include <string_view>

#include "model/case_result.hpp"

namespace conform::report {

// Case-insensitive: the name contains password, secret, token, apikey, api_key or
// integrationkey. (Not a bare "key": a vendor's key/value metadata items have one.)
bool is_secret_field(std::string_view name);

// `body` with the string values of secret fields replaced by "***". The format comes from
// the Content-Type header, else from the first byte. Bodies without such a field, and
// bodies that cannot be read, are returned unchanged.
std::string redact_body(const Headers& headers, std::string_view body);

}  // namespace conform::report
