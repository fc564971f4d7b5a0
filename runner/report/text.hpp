// Text clean-up for reports: response bodies may hold any bytes, report files may not.
#pragma once

#include <string>
#include <string_view>

namespace conform::report {

// U+FFFD, what every unusable byte sequence becomes.
inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Valid UTF-8: each invalid sequence (stray continuation, overlong form, surrogate,
// beyond U+10FFFF, truncated) becomes U+FFFD. Control characters are kept.
std::string valid_utf8(std::string_view bytes);

// Valid UTF-8 that XML 1.0, YAML and a terminal accept: additionally every control
// character but tab, line feed and carriage return (C0, DEL, C1) and the non-characters
// U+FFFE/U+FFFF become U+FFFD.
std::string printable_text(std::string_view bytes);

// Escapes & < > " ' for HTML text and quoted attribute values (after printable_text).
std::string html_escape(std::string_view text);

// Shortens to at most `max_bytes` on a UTF-8 boundary, appending "…" when cut.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

// Seconds with millisecond precision, as JUnit wants them ("0.125").
std::string seconds(double milliseconds);

}  // namespace conform::report
