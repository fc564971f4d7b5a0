// A catalog's schemas may "$ref" any file of the catalog (a vendor's schema may share a file
// at the catalog root), and nothing outside it: a schema from a pull request cannot make
// conform read a file beside the catalog or above it, neither when a schema is compiled nor
// when the codecs look a shared definition up.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "contracts/catalog.hpp"
#include "contracts/schema_resolver.hpp"
#include "schema/schema.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform::contracts {
namespace {
namespace fs = std::filesystem;

// A copy of the test-only acme catalog in `root`/schemas, whose request schema is `request`.
std::shared_ptr<Catalog> acme_catalog(const fs::path& root, const std::string& request) {
  const fs::path dir = root / "schemas";
  fs::create_directories(dir);
  fs::copy(fs::path(CONFORM_TESTS_DIR) / "data/vendors/acme", dir / "acme",
           fs::copy_options::recursive);
  for (const char* file : {"manifest.schema.json", "mock.schema.json"}) {
    fs::copy_file(fs::path(CONFORM_SCHEMAS_DIR) / file, dir / file);
  }
  std::ofstream(dir / "acme" / "request.schema.json", std::ios::trunc) << request;
  return Catalog::load(dir);
}

const MessageSpec& request_of(const Catalog& catalog) {
  const Manifest* acme = catalog.find("acme");
  return *catalog.message(*acme, MessageId{});
}

TEST(CatalogRefs, AVendorSchemaMayShareAFileAtTheCatalogRoot) {
  const test::TempDir tmp;
  tmp.write("schemas/common.schema.json",
            R"({"definitions": {"t": {"type": "string", "maxLength": 3}}})");
  const auto catalog = acme_catalog(
      tmp.path(), R"({"properties": {"title": {"$ref": "../common.schema.json#/definitions/t"}}})");
  const Manifest& acme = *catalog->find("acme");
  EXPECT_TRUE(catalog->check(acme, request_of(*catalog), R"({"title": "CEO"})").valid);
  EXPECT_FALSE(catalog->check(acme, request_of(*catalog), R"({"title": "Chief"})").valid);
}

TEST(CatalogRefs, AVendorSchemaCannotReachAFileBesideTheCatalog) {
  const test::TempDir tmp;
  tmp.write("outside.json", R"({"type": "string"})");
  const auto catalog =
      acme_catalog(tmp.path(), R"({"properties": {"title": {"$ref": "../../outside.json"}}})");
  try {
    catalog->schema(*catalog->find("acme"), request_of(*catalog));
    ADD_FAILURE() << "loaded";
  } catch (const schema::SchemaError& error) {
    const std::string message = error.what();
    EXPECT_EQ(error.pointer(), "/properties/title/$ref");
    EXPECT_NE(message.find("$ref ../../outside.json"), std::string::npos) << message;
    EXPECT_NE(
        message.find("is outside " + fs::canonical(fs::path(tmp.path()) / "schemas").string()),
        std::string::npos)
        << message;
  }
}

// The codecs look shared definitions up by the "$ref"'s file name: the same folder rule.
TEST(CatalogRefs, TheCodecsResolverReadsNothingOutsideTheCatalog) {
  const test::TempDir tmp;
  tmp.write("outside.json", R"({"type": "string"})");
  tmp.write("schemas/common.schema.json", R"({"type": "string"})");
  const auto catalog = acme_catalog(tmp.path(), R"({"type": "object"})");
  fs::create_symlink(fs::path(tmp.path()) / "outside.json",
                     fs::path(tmp.path()) / "schemas" / "acme" / "link.json");
  const codec::SchemaResolver resolve = schema_resolver(*catalog, *catalog->find("acme"));
  EXPECT_NE(resolve("response-200.schema.json"), nullptr);
  EXPECT_NE(resolve("../common.schema.json"), nullptr);
  EXPECT_EQ(resolve("../../outside.json"), nullptr);
  EXPECT_EQ(resolve("link.json"), nullptr);
}

}  // namespace
}  // namespace conform::contracts
