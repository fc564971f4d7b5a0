// The one way conform includes RapidJSON. Include this before any RapidJSON or valijson
// header: valijson otherwise defines RAPIDJSON_ASSERT to build a heap string on every
// check, which costs 3-4x in parsing and access.
#pragma once

namespace conform::codec {
// Throws std::logic_error: a RapidJSON precondition failed (a programming error).
[[noreturn]] void rapidjson_assertion_failed();
}  // namespace conform::codec

#ifndef RAPIDJSON_ASSERT
#define RAPIDJSON_ASSERT(x) \
  ((x) ? static_cast<void>(0) : ::conform::codec::rapidjson_assertion_failed())
#endif

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
