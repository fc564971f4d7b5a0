// limits_option: `--limit NAME=VALUE`, how a user raises or lowers one of conform's input
// limits (docs/limits.md).
#pragma once

#include <string>

#include "codec/limits.hpp"

namespace conform::cli {

// Applies "NAME=VALUE" (VALUE a whole number, optionally with K, M or G: powers of 1024) to
// `limits`. Returns "" when it applied, else one line saying what is wrong.
std::string apply_limit(const std::string& assignment, codec::Limits& limits);

}  // namespace conform::cli
