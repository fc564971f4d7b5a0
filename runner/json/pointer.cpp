#include "json/pointer.hpp"

namespace conform::json {

std::string escape_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

void append_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  pointer += escape_token(token);
}

std::string child_pointer(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  append_token(out, token);
  return out;
}

bool unescape_token(std::string_view raw, std::string& token) {
  token.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '~') {
      token += raw[i];
      continue;
    }
    if (i + 1 == raw.size() || (raw[i + 1] != '0' && raw[i + 1] != '1')) return false;
    token += raw[++i] == '0' ? '~' : '/';
  }
  return true;
}

std::optional<std::vector<std::string>> split_pointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  if (pointer[0] != '/') return std::nullopt;
  std::size_t start = 1;
  while (true) {
    const std::size_t end = pointer.find('/', start);
    std::string token;
    if (!unescape_token(pointer.substr(start, end == std::string_view::npos ? std::string_view::npos
                                                                            : end - start),
                        token)) {
      return std::nullopt;
    }
    tokens.push_back(std::move(token));
    if (end == std::string_view::npos) return tokens;
    start = end + 1;
  }
}

bool parse_index(std::string_view token, std::size_t max, std::size_t& index) {
  if (token.empty() || (token.size() > 1 && token[0] == '0')) return false;
  std::size_t value = 0;
  for (const char c : token) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::size_t>(c - '0');
    if (value > max) return false;
  }
  index = value;
  return true;
}

}  // namespace conform::json
