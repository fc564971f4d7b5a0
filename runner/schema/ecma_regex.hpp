// ECMA-262 regular expressions ("pattern", "patternProperties", format "regex") translated
// to RE2, which matches in linear time. Features RE2 cannot express (lookaround,
// backreferences) are refused with a reason instead of being approximated.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

namespace conform::schema {

// The RE2 syntax for `pattern`; false with `error` set when it cannot be translated.
bool translate_ecma_regex(std::string_view pattern, std::string& re2_pattern, std::string& error);

// Compiles `pattern` for unanchored search; nullptr with `error` set when invalid or when it
// needs lookaround or backreferences.
std::unique_ptr<RE2> compile_ecma_regex(std::string_view pattern, std::string& error);

// Whether `pattern` is valid ECMA-262 (lookaround and backreferences included).
bool is_valid_ecma_regex(std::string_view pattern);

}  // namespace conform::schema
