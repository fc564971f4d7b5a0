#include "contracts/schema_resolver.hpp"

#include <string>

#include "schema/schema_folders.hpp"

namespace conform::contracts {

codec::SchemaResolver schema_resolver(const Catalog& catalog, const Manifest& vendor) {
  schema::SchemaRegistry* registry = &catalog.registry();
  const std::filesystem::path dir = vendor.dir;
  // The name comes from a "$ref": like the schema engine, read nothing outside the catalog.
  schema::SchemaFolders catalog_folder;
  catalog_folder.allow(catalog.schemas_dir());
  return [registry, dir, catalog_folder](std::string_view uri) -> const rapidjson::Value* {
    std::string outside;
    if (!catalog_folder.admits(dir / std::string(uri), outside)) return nullptr;
    try {
      return &registry->load_file(dir / std::string(uri))->document();
    } catch (const schema::SchemaError&) {
      return nullptr;
    }
  };
}

}  // namespace conform::contracts
