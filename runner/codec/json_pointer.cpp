#include "codec/json_pointer.hpp"

#include <cstddef>

#include "json/pointer.hpp"

namespace conform::codec {

const rapidjson::Value* resolve_pointer(const rapidjson::Value& root, std::string_view pointer) {
  const auto tokens = json::split_pointer(pointer);
  if (!tokens) return nullptr;
  const rapidjson::Value* current = &root;
  for (const std::string& token : *tokens) {
    if (current->IsObject()) {
      const auto member = current->FindMember(rapidjson::Value(
          rapidjson::StringRef(token.data(), static_cast<rapidjson::SizeType>(token.size()))));
      if (member == current->MemberEnd()) return nullptr;
      current = &member->value;
    } else if (current->IsArray()) {
      std::size_t index = 0;
      if (!json::parse_index(token, 0xFFFFFFF0u, index) || index >= current->Size()) {
        return nullptr;
      }
      current = &(*current)[static_cast<rapidjson::SizeType>(index)];
    } else {
      return nullptr;
    }
  }
  return current;
}

}  // namespace conform::codec
