// scalar_text: XML text and form values -> JSON scalars, read by the schema's types
// ("true" is a boolean only where the schema wants one; strings stay strings).
#pragma once

#include <string>
#include <string_view>

#include "codec/rapidjson.hpp"

namespace conform::codec {

// What went wrong when text could not be read as the type the schema wants.
struct ScalarProblem {
  std::string keyword;   // "boolean", "number", "integer", "null"
  std::string message;   // "expected true or false"
  std::string expected;  // "true or false"
};

// Reads `text` as the first of the schema's `types` (TypeBits) it can be, in the order
// boolean, integer, number, null (empty text), string. Returns false when none fits, and
// then stores the text as a string in `out` (so the value is still shown) and says why.
// With `numeric_booleans` (XML Schema's xs:boolean), "1" and "0" are booleans too.
bool read_scalar(std::string_view text, unsigned types, rapidjson::Value& out,
                 rapidjson::Document::AllocatorType& allocator, ScalarProblem& problem,
                 bool numeric_booleans = false);

// True for a decoder finding about a value's text ("xml-boolean", "form-integer", "xml-enum"):
// the decoder keeps such text as a string, so a schema finding at the same place would only
// say the same thing again, and pointing at the JSON type, the wrong way.
bool is_value_text_finding(std::string_view keyword);

// Writes a scalar as XML or form text: true/false, decimal numbers, strings as they are.
std::string scalar_text(const rapidjson::Value& value);

// True for JSON's number grammar (-?int(.frac)?(e[+-]?digits)?), the decimal text that
// XML and form bodies use.
bool is_decimal_number(std::string_view text);

}  // namespace conform::codec
