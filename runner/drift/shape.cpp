#include "drift/shape.hpp"

#include <cctype>

#include "codec/json_text.hpp"
#include "json/pointer.hpp"
#include "schema/formats.hpp"
#include "text/utf8.hpp"

namespace conform::drift {

const char* shape_type(const rapidjson::Value& value) {
  if (value.IsString()) return "string";
  if (value.IsBool()) return "boolean";
  if (value.IsNull()) return "null";
  if (value.IsObject()) return "object";
  if (value.IsArray()) return "array";
  return "number";
}

std::string example_text(const rapidjson::Value& value, std::size_t limit) {
  return text::truncate_utf8(codec::to_json_text(value), limit);
}

std::string generic_pointer(const std::string& pointer) {
  std::string out;
  std::size_t at = 0;
  while (at < pointer.size()) {
    const std::size_t next = pointer.find('/', at + 1);
    const std::string token =
        pointer.substr(at + 1, (next == std::string::npos ? pointer.size() : next) - at - 1);
    bool index = !token.empty();
    for (const char c : token) index = index && std::isdigit(static_cast<unsigned char>(c));
    out += "/" + (index ? std::string("*") : token);
    if (next == std::string::npos) break;
    at = next;
  }
  return out;
}

bool PathEvidence::closed_set() const {
  if (open || values.empty() || count < 3 || values.size() > 3 ||
      values.size() * 2 > static_cast<std::size_t>(count)) {
    return false;
  }
  using schema::FormatKind;
  for (const std::string& value : values) {
    if (value.size() < 2 || value.front() != '"') continue;
    const std::string_view text(value.data() + 1, value.size() - 2);
    for (const auto kind :
         {FormatKind::date_time, FormatKind::date, FormatKind::time, FormatKind::uuid}) {
      if (schema::check_format(kind, text)) return false;
    }
  }
  return true;
}

void add_to_shape(const rapidjson::Value& value, Shape& shape, const std::string& path) {
  PathEvidence& evidence = shape[path];
  evidence.types.insert(shape_type(value));
  if (evidence.count++ == 0) evidence.example = example_text(value);
  if ((value.IsString() || value.IsNumber()) && !evidence.open) {
    evidence.values.insert(example_text(value, 200));
    if (evidence.values.size() > PathEvidence::kMaxValues) {
      evidence.open = true;
      evidence.values.clear();
    }
  }
  if (value.IsObject()) {
    for (const auto& member : value.GetObject()) {
      add_to_shape(
          member.value, shape,
          json::child_pointer(path, {member.name.GetString(), member.name.GetStringLength()}));
    }
  } else if (value.IsArray()) {
    for (const auto& element : value.GetArray()) add_to_shape(element, shape, path + "/*");
  }
}

}  // namespace conform::drift
