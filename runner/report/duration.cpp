#include "report/duration.hpp"

#include <charconv>

namespace conform::report {

std::string seconds(double milliseconds) {
  // to_chars, not printf: a caller's locale must not turn the point into a comma.
  char buffer[64];
  const double value = milliseconds > 0 ? milliseconds / 1000.0 : 0.0;
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3);
  return std::string(buffer, result.ptr);
}

}  // namespace conform::report
