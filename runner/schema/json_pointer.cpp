#include "schema/json_pointer.hpp"

#include <cstddef>

namespace conform::schema {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Unescapes one reference token; false on a "~" not followed by 0 or 1.
bool unescape_token(std::string_view raw, std::string& token) {
  token.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '~') {
      token.push_back(raw[i]);
      continue;
    }
    if (i + 1 == raw.size()) return false;
    char next = raw[++i];
    if (next == '0') {
      token.push_back('~');
    } else if (next == '1') {
      token.push_back('/');
    } else {
      return false;
    }
  }
  return true;
}

// Array indices are decimal without leading zeros (RFC 6901 section 4).
bool parse_index(const std::string& token, rapidjson::SizeType& index) {
  if (token.empty() || (token.size() > 1 && token[0] == '0')) return false;
  std::size_t value = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::size_t>(c - '0');
    if (value > 0xFFFFFFF0u) return false;
  }
  index = static_cast<rapidjson::SizeType>(value);
  return true;
}

}  // namespace

void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer.push_back('/');
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer.push_back(c);
    }
  }
}

bool percent_decode(std::string_view text, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return false;
    int high = hex_value(text[i + 1]);
    int low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return false;
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return true;
}

const rapidjson::Value* resolve_pointer(const rapidjson::Value& root, std::string_view pointer) {
  const rapidjson::Value* current = &root;
  if (pointer.empty()) return current;
  if (pointer[0] != '/') return nullptr;
  std::string token;
  std::size_t start = 1;
  while (true) {
    std::size_t end = pointer.find('/', start);
    std::string_view raw =
        pointer.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!unescape_token(raw, token)) return nullptr;
    if (current->IsObject()) {
      auto member = current->FindMember(rapidjson::Value(
          rapidjson::StringRef(token.data(), static_cast<rapidjson::SizeType>(token.size()))));
      if (member == current->MemberEnd()) return nullptr;
      current = &member->value;
    } else if (current->IsArray()) {
      rapidjson::SizeType index = 0;
      if (!parse_index(token, index) || index >= current->Size()) return nullptr;
      current = &(*current)[index];
    } else {
      return nullptr;
    }
    if (end == std::string_view::npos) return current;
    start = end + 1;
  }
}

}  // namespace conform::schema
