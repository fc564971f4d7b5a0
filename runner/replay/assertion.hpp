// assertion: checks one expectation about a response (a body value or a header).
#pragma once

#include <optional>
#include <string>

#include "codec/rapidjson.hpp"
#include "http/client.hpp"
#include "model/finding.hpp"
#include "replay/case.hpp"
#include "replay/variables.hpp"

namespace conform::replay {

// What a response offers to assertions and captures.
struct ResponseView {
  const http::Response& response;
  const rapidjson::Value* body = nullptr;  // the decoded body; null when empty or unreadable
};

// The text a Source reads from a response (strings as they are, other JSON as JSON text);
// nullopt when it is absent.
std::optional<std::string> read_source(const Source& source, const ResponseView& view);

// Appends a finding (keyword "assert") when `assertion` does not hold. Strings inside
// expected values expand ${VAR} from `variables`.
void check_assertion(const Assertion& assertion, const ResponseView& view,
                     const Variables& variables, Findings& findings);

// A deep copy of `value` with ${VAR} expanded in every string; a string that is exactly
// "${NAME|json}" becomes the variable's value read as JSON (a number, true, false, null).
// Unknown names go to `missing`.
Json expand_json(const rapidjson::Value& value, const Variables& variables,
                 std::vector<std::string>* missing);

}  // namespace conform::replay
