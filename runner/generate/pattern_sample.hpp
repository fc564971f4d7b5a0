// pattern_sample: a string that an ECMAScript pattern of the simple kind contracts use
// (anchors, literals, classes, groups with alternatives, quantifiers) matches, so a member
// with a "pattern" still gets a valid value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "generate/prng.hpp"

namespace conform::generate {

// A candidate string for `pattern`, or nullopt when the pattern uses what this reader does
// not know (lookarounds, back-references, Unicode classes). The caller checks the candidate
// against the compiled regex: the reader treats an unanchored pattern as anchored.
std::optional<std::string> sample_pattern(std::string_view pattern, Prng& prng);

}  // namespace conform::generate
