#include "schema/json_value.hpp"

#include <cmath>
#include <cstddef>
#include <cstring>
#include <vector>

#include "codec/json_text.hpp"
#include "text/utf8.hpp"

namespace conform::schema {
namespace {

__extension__ typedef unsigned __int128 uint128;

// Shortest decimal digits and exponent of a finite, positive double: value = digits * 10^exp.
struct Decimal {
  uint128 digits = 0;
  int exponent = 0;
};

Decimal to_decimal(double value) {
  char buffer[32];
  int length = 0;
  int exponent = 0;
  rapidjson::internal::Grisu2(value, buffer, &length, &exponent);
  Decimal decimal;
  for (int i = 0; i < length; ++i) decimal.digits = decimal.digits * 10 + (buffer[i] - '0');
  decimal.exponent = exponent;
  return decimal;
}

// Multiplies by 10^count; false when it would not fit.
bool scale(uint128& digits, int count) {
  const uint128 limit = ~static_cast<uint128>(0) / 10;
  for (int i = 0; i < count; ++i) {
    if (digits > limit) return false;
    digits *= 10;
  }
  return true;
}

}  // namespace

std::uint8_t type_bits_of(const rapidjson::Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType:
      return kTypeNull;
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      return kTypeBoolean;
    case rapidjson::kObjectType:
      return kTypeObject;
    case rapidjson::kArrayType:
      return kTypeArray;
    case rapidjson::kStringType:
      return kTypeString;
    case rapidjson::kNumberType:
      return is_integer(value) ? kTypeNumber | kTypeInteger : kTypeNumber;
  }
  return 0;
}

const char* type_name_of(const rapidjson::Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType:
      return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      return "boolean";
    case rapidjson::kObjectType:
      return "object";
    case rapidjson::kArrayType:
      return "array";
    case rapidjson::kStringType:
      return "string";
    case rapidjson::kNumberType:
      return is_integer(value) ? "integer" : "number";
  }
  return "value";
}

std::string type_names(std::uint8_t bits) {
  static const struct {
    std::uint8_t bit;
    const char* name;
  } names[] = {{kTypeObject, "object"},   {kTypeArray, "array"},   {kTypeString, "string"},
               {kTypeInteger, "integer"}, {kTypeNumber, "number"}, {kTypeBoolean, "boolean"},
               {kTypeNull, "null"}};
  std::vector<const char*> present;
  for (const auto& entry : names) {
    if (bits & entry.bit) present.push_back(entry.name);
  }
  std::string out;
  for (std::size_t i = 0; i < present.size(); ++i) {
    if (i > 0) out += i + 1 == present.size() ? " or " : ", ";
    out += present[i];
  }
  return out;
}

bool is_integer(const rapidjson::Value& value) {
  if (!value.IsNumber()) return false;
  if (value.IsInt64() || value.IsUint64()) return true;
  double number = value.GetDouble();
  return std::isfinite(number) && std::floor(number) == number;
}

bool json_equal(const rapidjson::Value& a, const rapidjson::Value& b) {
  if (a.IsNumber() && b.IsNumber()) {
    if (a.IsInt64() && b.IsInt64()) return a.GetInt64() == b.GetInt64();
    if (a.IsUint64() && b.IsUint64()) return a.GetUint64() == b.GetUint64();
    return a.GetDouble() == b.GetDouble();
  }
  if (a.GetType() != b.GetType()) {
    return (a.IsBool() && b.IsBool() && a.GetBool() == b.GetBool());
  }
  switch (a.GetType()) {
    case rapidjson::kStringType:
      return a.GetStringLength() == b.GetStringLength() &&
             std::memcmp(a.GetString(), b.GetString(), a.GetStringLength()) == 0;
    case rapidjson::kArrayType:
      if (a.Size() != b.Size()) return false;
      for (rapidjson::SizeType i = 0; i < a.Size(); ++i) {
        if (!json_equal(a[i], b[i])) return false;
      }
      return true;
    case rapidjson::kObjectType: {
      if (a.MemberCount() != b.MemberCount()) return false;
      for (auto& member : a.GetObject()) {
        auto other = b.FindMember(member.name);
        if (other == b.MemberEnd() || !json_equal(member.value, other->value)) return false;
      }
      return true;
    }
    default:
      return true;  // null, true, false: same type is same value
  }
}

std::uint64_t json_hash(const rapidjson::Value& value) {
  auto mix = [](std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return h;
  };
  switch (value.GetType()) {
    case rapidjson::kNullType:
      return 0x9E37;
    case rapidjson::kFalseType:
      return 0xF00D;
    case rapidjson::kTrueType:
      return 0xBEEF;
    case rapidjson::kNumberType: {
      double number = value.GetDouble();
      if (number == 0) number = 0;  // -0.0 == 0.0
      std::uint64_t bits = 0;
      std::memcpy(&bits, &number, sizeof bits);
      return mix(bits ^ 0x1234);
    }
    case rapidjson::kStringType: {
      std::uint64_t h = 0xCBF29CE484222325ull;
      const char* text = value.GetString();
      for (rapidjson::SizeType i = 0; i < value.GetStringLength(); ++i) {
        h = (h ^ static_cast<unsigned char>(text[i])) * 0x100000001B3ull;
      }
      return h;
    }
    case rapidjson::kArrayType: {
      std::uint64_t h = 0xA77A;
      for (const auto& item : value.GetArray()) h = mix(h * 31 + json_hash(item));
      return h;
    }
    case rapidjson::kObjectType: {
      std::uint64_t h = 0x0B7EC7;
      for (const auto& member : value.GetObject()) {
        h += mix(json_hash(member.name) * 7 + json_hash(member.value));  // order-free
      }
      return h;
    }
  }
  return 0;
}

bool is_multiple_of(const rapidjson::Value& value, double divisor) {
  if (value.IsInt64() && divisor == std::floor(divisor) && std::fabs(divisor) < 9.0e15) {
    auto d = static_cast<std::int64_t>(divisor);
    return d != 0 && value.GetInt64() % d == 0;
  }
  double number = std::fabs(value.GetDouble());
  divisor = std::fabs(divisor);
  if (number == 0) return true;
  if (!std::isfinite(number)) return false;
  Decimal m = to_decimal(divisor);
  if (!std::isfinite(number / divisor)) {
    // The quotient overflows: an integer is still a multiple of m when 1/m is an integer
    // (m = d * 10^-k with d dividing 10^k: 0.5, 0.25, 0.01, ...).
    if (std::floor(number) != number) return false;
    if (m.exponent >= 0) return std::fmod(number, divisor) == 0;
    uint128 power = 1;
    if (!scale(power, -m.exponent)) return false;
    return m.digits != 0 && power % m.digits == 0;
  }
  Decimal x = to_decimal(number);
  int common = x.exponent < m.exponent ? x.exponent : m.exponent;
  uint128 xs = x.digits, ms = m.digits;
  if (scale(xs, x.exponent - common) && scale(ms, m.exponent - common) && ms != 0) {
    return xs % ms == 0;
  }
  // Beyond 38 digits: the quotient is far past 2^53, where every double is an integer.
  double quotient = number / divisor;
  return std::floor(quotient) == quotient;
}

std::string number_text(double number) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  if (std::floor(number) == number && std::fabs(number) < 9.0e15) {
    writer.Int64(static_cast<std::int64_t>(number));
  } else {
    writer.Double(number);
  }
  return buffer.GetString();
}

std::string compact_json(const rapidjson::Value& value, std::size_t limit) {
  return text::truncate_utf8(codec::to_json_text(value), limit);
}

}  // namespace conform::schema
