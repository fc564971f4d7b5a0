// The schema engine allocates nothing on a valid input: a binary of its own, because it
// replaces operator new for the whole process (and scripts/test.sh builds and runs it on the
// release build alone, where the sanitizers do not own operator new).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "schema/schema.hpp"
#include "unit/schema/schema_test_support.hpp"

// AddressSanitizer owns operator new/delete: replacing them here would hide its checks and make
// it report alloc-dealloc mismatches on memory allocated before the replacement took effect.
// (Test code is compiled uninstrumented under the asan preset: CONFORM_LINKS_SANITIZER says so.)
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || \
    defined(CONFORM_LINKS_SANITIZER)
#define CONFORM_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define CONFORM_SANITIZED 1
#endif
#endif

namespace {
// Counts heap allocations made while `counting` is set (this test binary's operator new).
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};
}  // namespace

#ifndef CONFORM_SANITIZED
void* operator new(std::size_t size) {
  if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1);
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }
#endif

namespace conform::schema::testing {
namespace {

TEST(Engine, ValidInputAllocatesNothing) {
#ifdef CONFORM_SANITIZED
  GTEST_SKIP() << "allocations are counted only without sanitizers";
#endif
  auto schema = compile(R"({
    "type": "object", "additionalProperties": false, "required": ["id", "email", "when"],
    "properties": {
      "id": {"type": "integer", "minimum": 1}, "email": {"type": "string", "format": "email"},
      "when": {"type": "string", "format": "date-time"}, "kind": {"enum": ["a", "b"]},
      "ids": {"type": "array", "items": {"type": "integer"}, "uniqueItems": true},
      "tags": {"type": "object", "propertyNames": {"maxLength": 40},
               "additionalProperties": {"type": "string", "pattern": "^[a-z]+$"}},
      "choice": {"oneOf": [{"type": "string"}, {"type": "integer"}]}
    }})");
  auto instance = json(R"({"id": 7, "email": "a.b@example.com", "when": "2024-01-31T09:30:00Z",
    "kind": "b", "ids": [1, 2, 3], "tags": {"team": "blue"}, "choice": 3})");
  ValidateOptions first;
  first.first_error_only = true;
  Findings findings;
  counting = true;
  bool plain = schema->validate(instance, nullptr);
  bool with_findings = schema->validate(instance, &findings, first);
  counting = false;
  EXPECT_TRUE(plain);
  EXPECT_TRUE(with_findings);
  EXPECT_EQ(allocations.load(), 0);
}

}  // namespace
}  // namespace conform::schema::testing
