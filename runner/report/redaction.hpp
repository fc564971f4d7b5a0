// Redaction, the writers' second line of defence. The replay redacts every secret it knows
// of (secret variables, the manifest's secret body fields) to kRedacted before results reach
// a writer; the writers additionally mask what is a credential by its place alone, in case a
// caller forgot: credential headers, URL user-info and secret-named query parameters, and
// the same inside curl reproducers.
#pragma once

#include <string>
#include <string_view>

#include "model/case_result.hpp"

namespace conform::report {

// The marker a redacted value is replaced by, everywhere (replay, console, reports).
inline constexpr std::string_view kRedacted = "***";

// Authorization, Proxy-Authorization, Cookie, Set-Cookie and API-key headers
// (case-insensitive).
bool is_credential_header(std::string_view name);

// "Bearer abc" -> "Bearer ***"; "abc" -> "***". Values already redacted stay as they are.
std::string redact_credential(std::string_view value);

// https://user:pass@host/p?token=x&a=1 -> https://***@host/p?token=***&a=1
std::string redact_url(std::string_view url);

// Masks credential headers (-H/--header), -u/--user and URL user-info in a curl command.
std::string redact_curl(std::string_view curl);

// A copy of `run` with the masks above applied to every exchange and curl command, and
// secret-named body fields masked (body_redaction.hpp).
RunResult redact_secrets(const RunResult& run);

}  // namespace conform::report
