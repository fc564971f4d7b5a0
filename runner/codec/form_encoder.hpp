// form_encoder: a JSON value -> application/x-www-form-urlencoded text, the inverse of
// form_decoder (repeated keys for lists, key[sub] for objects, key[] for an empty list).
#pragma once

#include <string>

#include "codec/rapidjson.hpp"
#include "model/finding.hpp"

namespace conform::codec {

// `value` must be an object. Values a form cannot carry (null, a list of lists or of
// objects) are findings: null is left out with a warning; the others are errors, and then
// the function returns false.
bool encode_form(const rapidjson::Value& value, std::string& out, Findings& findings);

// Percent-encodes for a form: letters, digits and -._~* stay, space is '+', the rest %XX.
void append_form_escaped(std::string_view text, std::string& out);

}  // namespace conform::codec
