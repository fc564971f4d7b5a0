#include "replay/json.hpp"

namespace conform::replay {

Json copy_json(const rapidjson::Value& value) {
  auto document = std::make_shared<rapidjson::Document>();
  document->CopyFrom(value, document->GetAllocator());
  return document;
}

const char* json_type_name(const rapidjson::Value& value) {
  if (value.IsString()) return "string";
  if (value.IsBool()) return "boolean";
  if (value.IsNull()) return "null";
  if (value.IsObject()) return "object";
  if (value.IsArray()) return "array";
  if (value.IsInt64() || value.IsUint64()) return "integer";
  if (value.IsDouble()) {
    const double d = value.GetDouble();
    return d == static_cast<double>(static_cast<long long>(d)) ? "integer" : "number";
  }
  return "number";
}

}  // namespace conform::replay
