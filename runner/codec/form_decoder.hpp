// form_decoder: application/x-www-form-urlencoded bytes -> the JSON value model, read by
// the schema's types; findings carry the key ("reports[2]") and its position.
#pragma once

#include <string_view>

#include "codec/limits.hpp"
#include "codec/rapidjson.hpp"
#include "codec/schema_view.hpp"
#include "codec/table_source_map.hpp"
#include "model/finding.hpp"

namespace conform::codec {

// `a=1&b=x` -> {"a": 1, "b": "x"} (by the schema's types); a repeated key or `key[]`
// makes an array (`key[]` with no `=` is the empty array); `tags[k]=v` makes an object;
// `+` is a space. Percent-escape errors and invalid UTF-8 are error findings ("form-
// encoding"); the value is still decoded. Returns false only when nothing could be read.
bool decode_form(std::string_view bytes, const SchemaView& schema, const Limits& limits,
                 rapidjson::Document& out, Findings& findings, TableSourceMap& map);

}  // namespace conform::codec
