#include "contracts/schema_resolver.hpp"

#include <string>

namespace conform::contracts {

codec::SchemaResolver schema_resolver(const Catalog& catalog, const Manifest& vendor) {
  schema::SchemaRegistry* registry = &catalog.registry();
  const std::filesystem::path dir = vendor.dir;
  return [registry, dir](std::string_view uri) -> const rapidjson::Value* {
    try {
      return &registry->load_file(dir / std::string(uri))->document();
    } catch (const schema::SchemaError&) {
      return nullptr;
    }
  };
}

}  // namespace conform::contracts
