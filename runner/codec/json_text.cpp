#include "codec/json_text.hpp"

#include "text/utf8.hpp"

namespace conform::codec {

std::string to_json_text(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

std::string to_utf8_json_text(const rapidjson::Value& value) {
  // JSON's own syntax is ASCII, so bad bytes can only sit inside strings: repairing the
  // text repairs the strings and leaves the document well-formed.
  return text::valid_utf8(to_json_text(value));
}

std::string to_plain_text(const rapidjson::Value& value) {
  if (value.IsString()) return {value.GetString(), value.GetStringLength()};
  return to_json_text(value);
}

}  // namespace conform::codec
