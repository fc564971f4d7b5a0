#include "mock/accept.hpp"

#include <algorithm>
#include <cstdlib>

#include "text/ascii_case.hpp"

namespace conform::mock {
namespace {

std::string trimmed_lower(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text::to_lower_ascii(std::string_view(text).substr(first, last - first + 1));
}

// The q value of one media range's parameters ("q=0.5"); 1 when absent.
double quality(const std::string& parameters) {
  std::size_t start = 0;
  while (start < parameters.size()) {
    const std::size_t end = std::min(parameters.find(';', start), parameters.size());
    const std::string parameter = trimmed_lower(parameters.substr(start, end - start));
    if (parameter.rfind("q=", 0) == 0) return std::strtod(parameter.c_str() + 2, nullptr);
    start = end + 1;
  }
  return 1;
}

bool matches(const std::string& range, const std::string& media_type) {
  if (range == "*/*" || range == media_type) return true;
  const auto slash = range.find('/');
  return slash != std::string::npos && range.substr(slash) == "/*" &&
         media_type.compare(0, slash + 1, range, 0, slash + 1) == 0;
}

}  // namespace

bool accepts_any(const std::string& accept, const std::vector<std::string>& media_types) {
  if (trimmed_lower(accept).empty()) return true;
  std::size_t start = 0;
  while (start <= accept.size()) {
    const std::size_t end = std::min(accept.find(',', start), accept.size());
    const std::string item = accept.substr(start, end - start);
    const std::size_t semicolon = item.find(';');
    const std::string range = trimmed_lower(item.substr(0, semicolon));
    const double q = semicolon == std::string::npos ? 1 : quality(item.substr(semicolon + 1));
    if (!range.empty() && q > 0) {
      for (const auto& type : media_types) {
        if (matches(range, trimmed_lower(type))) return true;
      }
    }
    start = end + 1;
  }
  return false;
}

}  // namespace conform::mock
