#include "mock/json_pointer.hpp"

#include <cstdlib>

#include "report/text.hpp"

namespace conform::mock {
namespace {

std::string unescape_token(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out.push_back(token[i + 1] == '0' ? '~' : '/');
      ++i;
    } else {
      out.push_back(token[i]);
    }
  }
  return out;
}

}  // namespace

const rapidjson::Value* find_pointer(const rapidjson::Value& root, std::string_view pointer) {
  const rapidjson::Value* at = &root;
  if (pointer.empty()) return at;
  if (pointer.front() != '/') return nullptr;
  std::size_t start = 1;
  while (true) {
    const std::size_t slash = pointer.find('/', start);
    const std::string token = unescape_token(pointer.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (at->IsObject()) {
      const auto member = at->FindMember(rapidjson::StringRef(token.data(), token.size()));
      if (member == at->MemberEnd()) return nullptr;
      at = &member->value;
    } else if (at->IsArray()) {
      if (token.empty() || token.find_first_not_of("0123456789") != std::string::npos) {
        return nullptr;
      }
      const unsigned long index = std::strtoul(token.c_str(), nullptr, 10);
      if (index >= at->Size()) return nullptr;
      at = &(*at)[static_cast<rapidjson::SizeType>(index)];
    } else {
      return nullptr;
    }
    if (slash == std::string_view::npos) return at;
    start = slash + 1;
  }
}

std::string field_name(std::string_view pointer) {
  std::string out;
  std::size_t start = pointer.empty() || pointer.front() != '/' ? 0 : 1;
  while (start <= pointer.size()) {
    const std::size_t slash = pointer.find('/', start);
    const std::string token = unescape_token(pointer.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (!out.empty() || start > 1) out.push_back('.');
    out += token;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (pointer.empty()) out.clear();
  return out;
}

std::string to_json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

std::string utf8_json(const rapidjson::Value& value) {
  // JSON's own syntax is ASCII, so bad bytes can only sit inside strings: repairing the
  // text repairs the strings and leaves the document well-formed.
  return report::valid_utf8(to_json(value));
}

std::string to_text(const rapidjson::Value& value) {
  if (value.IsString()) return {value.GetString(), value.GetStringLength()};
  return to_json(value);
}

}  // namespace conform::mock
