// console: how findings look in a terminal or a CI log (Hurl's and rustc's layout).
#pragma once

#include <ostream>
#include <string_view>

#include "model/result.hpp"

namespace conform::cli {

// Colour only on a terminal, never in files or pipes, and never with NO_COLOR set.
bool use_colour(int fd);

// Renders every finding of `result`:
//   error[additionalProperties]: undocumented property "Id"; did you mean "ID"?
//     --> payload.json:3:3 at /Id
//      |
//    3 |   "Id": "9d6d…",
//      |   ^^^^
//      = expected: ...
//      = actual: ...
// `source` is the payload's bytes (for the quoted line).
void render_findings(std::ostream& out, const PayloadResult& result, std::string_view source,
                     bool colour);

}  // namespace conform::cli
