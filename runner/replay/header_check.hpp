// Header check: a header name or value holding CR, LF or NUL would let a case file, a --var
// or a value captured from a vendor's response add header lines (or end the head early) on
// the wire, so replay refuses it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace conform::replay {

// Why `name: value` cannot be sent ("holds a line feed (LF) in its value"), or nullopt.
std::optional<std::string> header_problem(std::string_view name, std::string_view value);

}  // namespace conform::replay
