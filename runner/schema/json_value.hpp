// JSON value semantics the evaluator needs beyond RapidJSON: equality as JSON Schema
// defines it (1 == 1.0), integers written as 1.0, exact multipleOf, and short renderings
// of values for findings.
#pragma once

#include <cstdint>
#include <string>

#include "codec/rapidjson.hpp"

namespace conform::schema {

// One bit per JSON Schema type; "integer" is a subset of "number".
enum TypeBits : std::uint8_t {
  kTypeNull = 1,
  kTypeBoolean = 2,
  kTypeObject = 4,
  kTypeArray = 8,
  kTypeNumber = 16,
  kTypeString = 32,
  kTypeInteger = 64,
};

// Bits of the types `value` belongs to (an integer is also a number).
std::uint8_t type_bits_of(const rapidjson::Value& value);

// The narrowest type name of `value`: "integer" for 1 and 1.0, "number" for 1.5.
const char* type_name_of(const rapidjson::Value& value);

// "string", "string or null", "integer, string or null".
std::string type_names(std::uint8_t bits);

bool is_integer(const rapidjson::Value& value);

bool json_equal(const rapidjson::Value& a, const rapidjson::Value& b);

// A hash consistent with json_equal (1 and 1.0 hash alike; member order does not matter).
std::uint64_t json_hash(const rapidjson::Value& value);

// Whether `value` / `divisor` is an integer, exactly in decimal (0.0075 / 0.0001 is,
// 0.00751 / 0.0001 is not).
bool is_multiple_of(const rapidjson::Value& value, double divisor);

// Compact JSON, cut to about `limit` characters with "…".
std::string compact_json(const rapidjson::Value& value, std::size_t limit = 80);

// A number as JSON writes it ("50", "0.5", "1e+300").
std::string number_text(double number);

}  // namespace conform::schema
