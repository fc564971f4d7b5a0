// catalogs: the vendor folders tests load, each loaded once per test binary.
#pragma once

#include <memory>
#include <string>

#include "contracts/catalog.hpp"

namespace conform::test {

// The test-only vendor (tests/data/vendors/acme): tests of generic behaviour use it, so a
// change to a shipped vendor's contract does not touch them.
inline constexpr const char* kTestVendorsDir = CONFORM_TESTS_DIR "/data/vendors";

// The shipped Finix cases (cases/finix), which several replay tests send.
inline const std::string kFinixCases = CONFORM_CASES_DIR "/finix";

// The shipped vendors (schemas/).
inline std::shared_ptr<const contracts::Catalog> shipped_catalog() {
  static const std::shared_ptr<const contracts::Catalog> loaded =
      contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
  return loaded;
}

}  // namespace conform::test
