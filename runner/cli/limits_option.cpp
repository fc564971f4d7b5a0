#include "cli/limits_option.hpp"

#include <cerrno>
#include <cstdlib>
#include <limits>

namespace conform::cli {
namespace {

struct LimitName {
  const char* name;
  std::size_t codec::Limits::*field;
};

constexpr LimitName kNames[] = {
    {"body-bytes", &codec::Limits::max_bytes},          {"depth", &codec::Limits::max_depth},
    {"string-bytes", &codec::Limits::max_string_bytes}, {"members", &codec::Limits::max_members},
    {"xml-elements", &codec::Limits::max_xml_elements},
};

// "64", "512K", "16M", "1G" -> the number; false when it is none (or zero, or overflows).
bool parse_size(const std::string& text, std::size_t& out) {
  if (text.empty() || text.find_first_not_of("0123456789") == 0) return false;
  std::size_t digits = text.find_first_not_of("0123456789");
  if (digits == std::string::npos) digits = text.size();
  const std::string suffix = text.substr(digits);
  unsigned shift = 0;
  if (suffix == "K" || suffix == "k") {
    shift = 10;
  } else if (suffix == "M" || suffix == "m") {
    shift = 20;
  } else if (suffix == "G" || suffix == "g") {
    shift = 30;
  } else if (!suffix.empty()) {
    return false;
  }
  errno = 0;
  const unsigned long long number = std::strtoull(text.substr(0, digits).c_str(), nullptr, 10);
  if (errno != 0 || number == 0 || number > (std::numeric_limits<std::size_t>::max() >> shift)) {
    return false;
  }
  out = static_cast<std::size_t>(number) << shift;
  return true;
}

}  // namespace

std::string apply_limit(const std::string& assignment, codec::Limits& limits) {
  const std::size_t eq = assignment.find('=');
  const std::string name = assignment.substr(0, eq);
  std::string known;
  for (const auto& limit : kNames) {
    known += (known.empty() ? "" : ", ") + std::string(limit.name);
    if (name != limit.name) continue;
    std::size_t value = 0;
    if (eq == std::string::npos || !parse_size(assignment.substr(eq + 1), value)) {
      return "--limit " + name + " takes a whole number of at least 1 (K, M, G allowed), not '" +
             (eq == std::string::npos ? std::string() : assignment.substr(eq + 1)) + "'";
    }
    limits.*limit.field = value;
    return "";
  }
  return "--limit takes NAME=N with NAME one of " + known + ", not '" + assignment + "'";
}

}  // namespace conform::cli
