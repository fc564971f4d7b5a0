// Finding redaction for outputs that leave the machine (SARIF uploads, CI annotations): a
// finding about a secret-named field (Password, IntegrationKey, ...) keeps its place and
// its rule but not the value it quotes.
#pragma once

#include "model/finding.hpp"

namespace conform::report {

// (SARIF and GitHub output apply it themselves.) `finding` with `actual` and every quotation of it
// in `message` replaced by "***" when the field it points at (the last JSON Pointer token, else the
// last XPath step) is a secret by name (is_secret_field); otherwise unchanged.
Finding redact_finding(const Finding& finding);

}  // namespace conform::report
