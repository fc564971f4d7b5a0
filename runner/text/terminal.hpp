// Terminal-safe text: outside data (a vendor's bytes, a case file's names, a client's request
// target) is escaped before it reaches a terminal or a log, so it cannot move the cursor,
// recolour, retitle the window, hide text behind bidi overrides or forge log lines.
#pragma once

#include <string>
#include <string_view>

namespace conform::text {

// C0 controls (tab kept only when `keep_tab`, newline never), DEL and C1 controls (raw bytes
// 0x80-0x9F and U+0080-U+009F), the bidi controls U+061C, U+200E, U+200F, U+202A-U+202E and
// U+2066-U+2069, and bytes that are not UTF-8, as \xNN or \u{NNNN}. A backslash stays as it is.
std::string escape_for_terminal(std::string_view text, bool keep_tab = false);

}  // namespace conform::text
