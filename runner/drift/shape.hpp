// Shape: which properties a set of bodies had and with which JSON types, the evidence
// drift compares between two recordings and checks against the documented properties.
#pragma once

#include <map>
#include <set>
#include <string>

#include "codec/rapidjson.hpp"

namespace conform::drift {

struct PathEvidence {
  std::set<std::string> types;  // "string", "number" (integers too), "boolean", ...
  std::string example;          // the first value seen, as compact JSON (cut to ~60 chars)
  int count = 0;                // how many times it was seen
  // Distinct string and number values (compact JSON), up to kMaxValues; `open` once more
  // were seen.
  std::set<std::string> values;
  bool open = false;
  static constexpr std::size_t kMaxValues = 8;

  // A small closed set: seen at least 3 times, at most 3 distinct values each repeated,
  // none of them a date, time or id (those change on every call).
  bool closed_set() const;
};

// Paths are JSON Pointers in which every array index is "*" ("/Errors/*/Message"); ""
// is the body itself.
using Shape = std::map<std::string, PathEvidence>;

// Adds every path of `value` (below `path`) to `shape`.
void add_to_shape(const rapidjson::Value& value, Shape& shape, const std::string& path = "");

// "integer" and "number" are one type for comparisons (1 and 1.5 are the same field).
const char* shape_type(const rapidjson::Value& value);

// A JSON Pointer with its array indices replaced by "*": "/Errors/3/Message" ->
// "/Errors/*/Message". (A numeric member name reads as an index too: a harmless merge.)
std::string generic_pointer(const std::string& pointer);

// Compact JSON cut to `limit` characters with "…".
std::string example_text(const rapidjson::Value& value, std::size_t limit = 60);

}  // namespace conform::drift
