// lint: what a case file that loads can still get wrong: an unknown vendor or message,
// a credential written in plain text, a capture nothing reads. `conform lint` prints these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "contracts/catalog.hpp"
#include "model/finding.hpp"
#include "replay/case.hpp"

namespace conform::replay {

// Findings about one loaded case; `source` is the case file's bytes (for line and column).
// Errors: the vendor is unknown (keyword "vendor"), a step's expect.schema names a message
// the vendor does not document ("message"). Warnings: a literal credential in a header,
// custom auth, a secret-named body member (also in a body_file) or a secret-named var
// ("literal-secret"), a capture no later step reads ("unused-capture").
//
// A value is literal when something other than ${VARIABLES} and an auth scheme word
// ("Bearer", "Basic") is left in it. Deliberately bad credentials (containing "wrong",
// "invalid", "fake", "dummy", "example", "redacted") and the vendor's published mock test
// credentials are not secrets and get no warning.
// `secrets`, when given, receives each literal credential found, so a caller that quotes
// the source can mask them first (the warning's message never repeats one).
Findings lint_case(const Case& loaded, std::string_view source, const contracts::Catalog& catalog,
                   std::vector<std::string>* secrets = nullptr);

// True when `value` holds more than ${VARIABLES} and scheme words: a credential written out.
bool is_literal_secret(std::string_view value);

}  // namespace conform::replay
