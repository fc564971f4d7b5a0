#include "codec/scalar_text.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "codec/schema_view.hpp"

namespace conform::codec {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_integer_text(std::string_view text) {
  std::size_t i = text.size() > 0 && text[0] == '-' ? 1 : 0;
  if (i == text.size()) return false;
  if (text[i] == '0' && i + 1 != text.size()) return false;
  for (; i < text.size(); ++i) {
    if (!is_digit(text[i])) return false;
  }
  return true;
}

// Stores a decimal number the way RapidJSON's reader would: integers as integers.
bool store_number(std::string_view text, rapidjson::Value& out) {
  const std::string copy(text);
  if (is_integer_text(text)) {
    errno = 0;
    char* end = nullptr;
    if (copy[0] == '-') {
      const long long v = std::strtoll(copy.c_str(), &end, 10);
      if (errno == 0) {
        out.SetInt64(v);
        return true;
      }
    } else {
      const unsigned long long v = std::strtoull(copy.c_str(), &end, 10);
      if (errno == 0) {
        out.SetUint64(v);
        return true;
      }
    }
  }
  if (is_decimal_number(text) && has_zero_significand(text)) {
    out.SetDouble(text[0] == '-' ? -0.0 : 0.0);
    return true;
  }
  rapidjson::Document parsed;
  parsed.Parse<rapidjson::kParseFullPrecisionFlag>(copy.c_str(), copy.size());
  if (parsed.HasParseError() || !parsed.IsNumber()) return false;
  out.SetDouble(parsed.GetDouble());
  if (parsed.IsInt64()) out.SetInt64(parsed.GetInt64());
  return std::isfinite(out.GetDouble());
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
                 rapidjson::Document::AllocatorType& allocator, ScalarProblem& problem) {
  if ((types & kTypeBoolean) != 0 && (text == "true" || text == "false")) {
    out.SetBool(text == "true");
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
    problem = {"boolean", "expected true or false (nothing else is a boolean here)",
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

std::string scalar_text(const rapidjson::Value& value) {
  if (value.IsString()) return std::string(value.GetString(), value.GetStringLength());
  if (value.IsBool()) return value.GetBool() ? "true" : "false";
  if (value.IsNull()) return "";
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

bool has_zero_significand(std::string_view number) {
  bool digits = false;
  for (const char c : number) {
    if (c == 'e' || c == 'E') break;
    if (c >= '1' && c <= '9') return false;
    digits = digits || c == '0';
  }
  return digits;
}

}  // namespace conform::codec
