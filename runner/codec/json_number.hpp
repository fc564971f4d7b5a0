// json_number: the value of JSON number text, correctly rounded. Every parse of JSON text in
// conform reads numbers through here (RapidJSON hands them over as text): RapidJSON 1.1.0's
// own conversion is either not correctly rounded (normal precision) or undefined for a zero
// significand next to an exponent ("0e305" came out as -2.9e-70 at full precision).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "codec/rapidjson.hpp"

namespace conform::codec {

struct JsonNumber {
  // The type RapidJSON's own reader would give the number: integers that fit 32 or 64 bits
  // as integers, everything else as a double.
  enum class Type { uint32, int32, uint64, int64, real, too_big };
  Type type = Type::too_big;
  std::uint64_t unsigned_value = 0;
  std::int64_t signed_value = 0;
  double real_value = 0;
};

// Reads text in JSON's number grammar. A magnitude beyond the largest double is `too_big`;
// one below the smallest denormal reads as zero of its sign, as IEEE rounding has it.
JsonNumber read_json_number(std::string_view text);

// Hands `text`'s value to a RapidJSON handler (Int, Uint, Int64, Uint64 or Double). Returns
// false, without calling the handler, when the number is `too_big`; `too_big` says so.
template <typename Handler>
bool emit_json_number(std::string_view text, Handler& handler, bool& too_big) {
  const JsonNumber number = read_json_number(text);
  too_big = false;
  switch (number.type) {
    case JsonNumber::Type::uint32:
      return handler.Uint(static_cast<unsigned>(number.unsigned_value));
    case JsonNumber::Type::int32:
      return handler.Int(static_cast<int>(number.signed_value));
    case JsonNumber::Type::uint64:
      return handler.Uint64(number.unsigned_value);
    case JsonNumber::Type::int64:
      return handler.Int64(number.signed_value);
    case JsonNumber::Type::real:
      return handler.Double(number.real_value);
    case JsonNumber::Type::too_big:
      break;
  }
  too_big = true;
  return false;
}

// The length of the number text starting at `offset`.
std::size_t number_text_length(std::string_view text, std::size_t offset);

// RapidJSON refuses some numbers that are within a double's range ("0e309", 400 digits then
// "e-300") while it scans them. Replaces the number at `offset` with its shortest text,
// padded with spaces to the same length, so a second parse reads the same value; false when
// the number is really too big (or its text would not fit).
bool rewrite_number_in_range(std::string& text, std::size_t offset);

// Parses JSON text into `document` (iteratively, so depth costs no stack), numbers through
// read_json_number. The one way to parse JSON that needs no findings (schemas, reports,
// snapshots, case files); payloads go through JsonReader, which reports limits and syntax.
rapidjson::ParseResult parse_json_text(rapidjson::Document& document, std::string_view text);

// The scalar parse events forwarded to the document, as GenericDocument's own handler does:
// the base of the readers' handlers, which add what they check (numbers, strings, limits).
class DocumentScalarEvents {
 public:
  explicit DocumentScalarEvents(rapidjson::Document& document) : document_(document) {}
  bool Null() { return document_.Null(); }
  bool Bool(bool b) { return document_.Bool(b); }
  bool Int(int i) { return document_.Int(i); }
  bool Uint(unsigned u) { return document_.Uint(u); }
  bool Int64(std::int64_t i) { return document_.Int64(i); }
  bool Uint64(std::uint64_t u) { return document_.Uint64(u); }
  bool Double(double d) { return document_.Double(d); }

 protected:
  rapidjson::Document& document_;
};

}  // namespace conform::codec
