#include "mock/route.hpp"

namespace conform::mock {
namespace {

// "/users/US1" -> {"users", "US1"}; a trailing slash leaves an empty last segment.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) return parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      parts.push_back(path.substr(start));
      break;
    }
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = hex_digit(text[i + 1]);
      const int low = hex_digit(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

Route::Route(std::string_view path_template) : template_(path_template) {
  for (const auto part : split_path(path_template)) {
    Segment segment;
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      segment.text = std::string(part.substr(1, part.size() - 2));
      segment.parameter = true;
    } else {
      segment.text = std::string(part);
    }
    segments_.push_back(std::move(segment));
  }
}

std::optional<std::map<std::string, std::string>> Route::match(std::string_view path) const {
  const auto parts = split_path(path);
  if (parts.size() != segments_.size()) return std::nullopt;
  std::map<std::string, std::string> parameters;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Segment& segment = segments_[i];
    if (segment.parameter) {
      if (parts[i].empty()) return std::nullopt;
      parameters[segment.text] = percent_decode(parts[i]);
    } else if (parts[i] != segment.text) {
      return std::nullopt;
    }
  }
  return parameters;
}

}  // namespace conform::mock
