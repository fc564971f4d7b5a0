#include "replay/case.hpp"

namespace conform::replay {

std::string Source::describe() const {
  return is_header() ? "header " + header : (pointer.empty() ? "the body" : pointer);
}

bool StatusRule::applies_to(int status_code) const {
  const std::string code = std::to_string(status_code);
  if (status.size() != 3 || code.size() != 3) return false;
  if (status.compare(1, 2, "xx") == 0) return status[0] == code[0];
  return status == code;
}

}  // namespace conform::replay
