// infer: a draft-07 JSON Schema that describes a set of recorded bodies, to start a
// schema update from evidence rather than from memory.
#pragma once

#include <vector>

#include "codec/rapidjson.hpp"

namespace conform::drift {

// types: every JSON type seen (integer when every number was whole); objects: the
// properties seen, required = present in every sample, additionalProperties false;
// arrays: one items schema for every element; strings: a format when every value passes
// the engine's checker for date-time, date, email, uuid, ipv4 or uri; an enum only for a
// small closed set (2 to 5 values, each seen at least twice on average, 4+ samples).
// Redacted values ("***") say nothing about the type.
rapidjson::Document infer_schema(const std::vector<const rapidjson::Value*>& samples);

}  // namespace conform::drift
