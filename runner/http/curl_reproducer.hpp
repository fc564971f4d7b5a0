// curl_reproducer: a shell command that reproduces a request, for failed steps in reports.
#pragma once

#include <string>

#include "model/case_result.hpp"

namespace conform::http {

// `exchange` must already be redacted: the command carries whatever it holds.
// `insecure` adds -k, `ca_cert_file` adds --cacert.
std::string to_curl(const Exchange& exchange, bool insecure = false,
                    const std::string& ca_cert_file = {});

// Quotes `text` for a POSIX shell ('...' with embedded quotes escaped).
std::string shell_quote(const std::string& text);

}  // namespace conform::http
