#include "codec/scalar_text.hpp"

#include "codec/json_number.hpp"
#include "codec/json_text.hpp"
#include "codec/schema_view.hpp"

namespace conform::codec {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Stores a decimal number the way JSON text would be read: integers as integers.
bool store_number(std::string_view text, rapidjson::Value& out) {
  const JsonNumber number = read_json_number(text);
  switch (number.type) {
    case JsonNumber::Type::uint32:
    case JsonNumber::Type::uint64:
      out.SetUint64(number.unsigned_value);
      return true;
    case JsonNumber::Type::int32:
    case JsonNumber::Type::int64:
      out.SetInt64(number.signed_value);
      return true;
    case JsonNumber::Type::real:
      out.SetDouble(number.real_value);
      return true;
    case JsonNumber::Type::too_big:
      break;
  }
  return false;
}

}  // namespace

bool is_decimal_number(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (i < n && text[i] == '-') ++i;
  if (i == n) return false;
  if (text[i] == '0') {
    ++i;
  } else if (is_digit(text[i])) {
    while (i < n && is_digit(text[i])) ++i;
  } else {
    return false;
  }
  if (i < n && text[i] == '.') {
    ++i;
    if (i == n || !is_digit(text[i])) return false;
    while (i < n && is_digit(text[i])) ++i;
  }
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    if (i == n || !is_digit(text[i])) return false;
    while (i < n && is_digit(text[i])) ++i;
  }
  return i == n;
}

bool read_scalar(std::string_view text, unsigned types, rapidjson::Value& out,
                 rapidjson::Document::AllocatorType& allocator, ScalarProblem& problem,
                 bool numeric_booleans) {
  if ((types & kTypeBoolean) != 0 && (text == "true" || text == "false")) {
    out.SetBool(text == "true");
    return true;
  }
  if ((types & kTypeBoolean) != 0 && numeric_booleans && (text == "1" || text == "0")) {
    out.SetBool(text == "1");
    return true;
  }
  if ((types & (kTypeInteger | kTypeNumber)) != 0 && is_decimal_number(text) &&
      store_number(text, out)) {
    return true;
  }
  if ((types & kTypeString) != 0) {
    out.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator);
    return true;
  }
  if ((types & kTypeNull) != 0 && text.empty()) {
    out.SetNull();
    return true;
  }
  if ((types & (kTypeObject | kTypeArray)) != 0 && (types & ~(kTypeObject | kTypeArray)) == 0) {
    problem = {
        "type",
        "expected " + std::string(types & kTypeObject ? "an object" : "a list") + ", found text",
        types & kTypeObject ? "an object" : "a list"};
  } else if ((types & kTypeBoolean) != 0) {
    problem =
        numeric_booleans
            ? ScalarProblem{"boolean", "expected true, false, 1 or 0 (an xs:boolean)",
                            "true, false, 1 or 0"}
            : ScalarProblem{"boolean", "expected true or false (nothing else is a boolean here)",
                            "true or false"};
  } else if ((types & kTypeNumber) != 0) {
    problem = {"number", "expected a decimal number", "a decimal number"};
  } else if ((types & kTypeInteger) != 0) {
    problem = {"integer", "expected an integer in decimal digits", "an integer"};
  } else {
    problem = {"null", "expected no content (null)", "null"};
  }
  out.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator);
  return false;
}

bool is_value_text_finding(std::string_view keyword) {
  for (const std::string_view prefix : {"xml-", "form-"}) {
    if (keyword.substr(0, prefix.size()) != prefix) continue;
    const std::string_view problem = keyword.substr(prefix.size());
    // read_scalar's problems, and XML's enum names
    return problem == "boolean" || problem == "number" || problem == "integer" ||
           problem == "null" || problem == "type" || problem == "enum";
  }
  return false;
}

std::string scalar_text(const rapidjson::Value& value) {
  if (value.IsString()) return std::string(value.GetString(), value.GetStringLength());
  if (value.IsBool()) return value.GetBool() ? "true" : "false";
  if (value.IsNull()) return "";
  return to_json_text(value);
}

}  // namespace conform::codec
