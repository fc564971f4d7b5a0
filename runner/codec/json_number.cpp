#include "codec/json_number.hpp"

#include <rapidjson/encodedstream.h>
#include <rapidjson/memorystream.h>

#include <charconv>
#include <limits>
#include <string>
#include <system_error>

#include "text/utf8.hpp"

namespace conform::codec {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The power of ten of the first non-zero digit of a non-zero number ("123.4" -> 2,
// "0.05e3" -> 1), saturated far beyond any double's range: tells an overflow from an
// underflow when from_chars reports one.
long long leading_power(std::string_view text) {
  std::size_t i = text[0] == '-' ? 1 : 0;
  long long power = 0;
  bool found = false;
  std::size_t integer_digits = 0;
  for (; i < text.size() && is_digit(text[i]); ++i) {
    if (!found && text[i] != '0') found = true;
    if (found) ++integer_digits;
  }
  power = static_cast<long long>(integer_digits) - 1;
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && is_digit(text[i]); ++i) {
      if (found) continue;
      --power;
      found = text[i] != '0';
    }
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    const bool negative = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    long long exponent = 0;
    for (; i < text.size() && is_digit(text[i]); ++i) {
      if (exponent < 1'000'000) exponent = exponent * 10 + (text[i] - '0');
    }
    power += negative ? -exponent : exponent;
  }
  return power;
}

bool is_integer_text(std::string_view text) {
  return text.find_first_of(".eE") == std::string_view::npos;
}

}  // namespace

JsonNumber read_json_number(std::string_view text) {
  JsonNumber number;
  if (text.empty()) return number;
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  if (is_integer_text(text)) {
    if (text[0] == '-') {
      std::int64_t value = 0;
      if (std::from_chars(begin, end, value).ec == std::errc()) {
        number.signed_value = value;
        number.type = value >= std::numeric_limits<std::int32_t>::min() ? JsonNumber::Type::int32
                                                                        : JsonNumber::Type::int64;
        return number;
      }
    } else {
      std::uint64_t value = 0;
      if (std::from_chars(begin, end, value).ec == std::errc()) {
        number.unsigned_value = value;
        number.type = value <= std::numeric_limits<std::uint32_t>::max() ? JsonNumber::Type::uint32
                                                                         : JsonNumber::Type::uint64;
        return number;
      }
    }
  }
  double value = 0;
  const auto read = std::from_chars(begin, end, value);
  if (read.ec == std::errc::result_out_of_range) {
    if (leading_power(text) > 0) return number;  // too_big
    value = text[0] == '-' ? -0.0 : 0.0;
  } else if (read.ec != std::errc()) {
    return number;
  }
  number.type = JsonNumber::Type::real;
  number.real_value = value;
  return number;
}

namespace {

// Builds the DOM like GenericDocument's own handler, numbers read by read_json_number.
class NumberReadingHandler : public DocumentScalarEvents {
 public:
  explicit NumberReadingHandler(rapidjson::Document& document) : DocumentScalarEvents(document) {}
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    return emit_json_number(std::string_view(s, n), document_, too_big_);
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return !(surrogate_ = text::has_encoded_surrogate(s, n)) && document_.String(s, n, copy);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    return !(surrogate_ = text::has_encoded_surrogate(s, n)) && document_.Key(s, n, copy);
  }
  bool StartObject() { return document_.StartObject(); }
  bool StartArray() { return document_.StartArray(); }
  bool EndObject(rapidjson::SizeType n) { return document_.EndObject(n); }
  bool EndArray(rapidjson::SizeType n) { return document_.EndArray(n); }
  bool too_big() const { return too_big_; }
  bool surrogate() const { return surrogate_; }

 private:
  bool too_big_ = false;
  bool surrogate_ = false;
};

}  // namespace

std::size_t number_text_length(std::string_view text, std::size_t offset) {
  std::size_t end = offset;
  while (end < text.size() && (is_digit(text[end]) || text[end] == '-' || text[end] == '+' ||
                               text[end] == '.' || text[end] == 'e' || text[end] == 'E')) {
    ++end;
  }
  return end - offset;
}

bool rewrite_number_in_range(std::string& text, std::size_t offset) {
  const std::size_t length = number_text_length(text, offset);
  const JsonNumber number = read_json_number(std::string_view(text).substr(offset, length));
  if (number.type != JsonNumber::Type::real) return false;
  char shortest[32];
  const auto written = std::to_chars(shortest, shortest + sizeof shortest, number.real_value);
  std::string replacement(shortest, written.ptr);
  if (replacement.find_first_of(".e") == std::string::npos) replacement += ".0";
  if (replacement.size() > length) return false;
  replacement.resize(length, ' ');
  text.replace(offset, length, replacement);
  return true;
}

rapidjson::ParseResult parse_json_text(rapidjson::Document& document, std::string_view text) {
  // Encoding validated: text read here reaches reports and snapshots, which must be UTF-8.
  constexpr unsigned kFlags = rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseIterativeFlag |
                              rapidjson::kParseNumbersAsStringsFlag;
  std::string rewritten;
  for (;;) {
    rapidjson::Reader reader;
    rapidjson::ParseResult result;
    NumberReadingHandler handler(document);
    const std::string_view current = rewritten.empty() ? text : std::string_view(rewritten);
    rapidjson::MemoryStream bytes(current.data(), current.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> input(bytes);
    auto generate = [&](rapidjson::Document&) {
      result = reader.Parse<kFlags>(input, handler);
      return !result.IsError();
    };
    document.Populate(generate);
    if (handler.too_big()) return {rapidjson::kParseErrorNumberTooBig, result.Offset()};
    if (handler.surrogate()) {
      return {rapidjson::kParseErrorStringUnicodeSurrogateInvalid, result.Offset()};
    }
    if (result.Code() != rapidjson::kParseErrorNumberTooBig) return result;
    if (rewritten.empty()) rewritten.assign(text);
    if (!rewrite_number_in_range(rewritten, result.Offset())) return result;
  }
}

}  // namespace conform::codec
