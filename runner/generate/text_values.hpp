// text_values: the strings the generator sends: strings of an exact length in code points
// (with astral and combining characters, which byte or UTF-16 counts get wrong), and the
// edge forms of each string format, valid and not.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "schema/formats.hpp"

namespace conform::generate {

// `length` code points: ASCII letters, with an astral character (U+1F600) and a combining
// accent (U+0301, one code point of its own) mixed in when `mixed`.
std::string code_points(std::size_t length, bool mixed);

// A string in `format`, labelled with what makes it an edge ("offset", "fraction", ...).
struct FormatForm {
  const char* label;
  const char* text;
};

// The valid edge forms of `format` (empty when the generator knows none).
const std::vector<FormatForm>& valid_forms(schema::FormatKind format);

// A string `format` rejects; nullptr when the generator knows none.
const char* invalid_form(schema::FormatKind format);

}  // namespace conform::generate
