// schemas_location: the CLI finds the schemas the way the library does, its own tree first.
#include "cli/schemas_location.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "conform/conform.hpp"

namespace conform::cli {
namespace {

TEST(SchemasLocation, TheOptionWins) {
  EXPECT_EQ(schemas_location(std::string("my-schemas")), "my-schemas");
}

// The test binary's tree (build/tests) holds no schemas: the lookup is the library's.
TEST(SchemasLocation, OutsideItsOwnTreeItIsTheLibrarysLookup) {
  const char* saved = std::getenv("CONFORM_SCHEMAS");
  const std::string before = saved ? saved : "";
  ::unsetenv("CONFORM_SCHEMAS");
  EXPECT_EQ(schemas_location(std::nullopt), default_schemas_dir(""));
  ::setenv("CONFORM_SCHEMAS", "from-env", 1);
  EXPECT_EQ(schemas_location(std::nullopt), "from-env");
  if (saved) {
    ::setenv("CONFORM_SCHEMAS", before.c_str(), 1);
  } else {
    ::unsetenv("CONFORM_SCHEMAS");
  }
}

}  // namespace
}  // namespace conform::cli
