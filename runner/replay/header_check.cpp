#include "replay/header_check.hpp"

namespace conform::replay {
namespace {

const char* control_in(std::string_view text) {
  if (text.find('\r') != std::string_view::npos) return "a carriage return (CR)";
  if (text.find('\n') != std::string_view::npos) return "a line feed (LF)";
  if (text.find('\0') != std::string_view::npos) return "a NUL byte";
  return nullptr;
}

}  // namespace

std::optional<std::string> header_problem(std::string_view name, std::string_view value) {
  if (const char* what = control_in(name)) return std::string("holds ") + what + " in its name";
  if (const char* what = control_in(value)) {
    return std::string("holds ") + what + " in its value; a header cannot carry one";
  }
  return std::nullopt;
}

}  // namespace conform::replay
