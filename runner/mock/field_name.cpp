#include "mock/field_name.hpp"

#include "json/pointer.hpp"

namespace conform::mock {

std::string field_name(std::string_view pointer) {
  std::string out;
  std::size_t start = pointer.empty() || pointer.front() != '/' ? 0 : 1;
  while (start <= pointer.size()) {
    const std::size_t slash = pointer.find('/', start);
    const std::string_view raw = pointer.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    std::string token;
    if (!json::unescape_token(raw, token)) token = std::string(raw);
    if (!out.empty() || start > 1) out.push_back('.');
    out += token;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (pointer.empty()) out.clear();
  return out;
}

}  // namespace conform::mock
