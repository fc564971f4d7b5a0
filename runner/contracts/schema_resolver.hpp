// schema_resolver: how the codecs find the other schema files a message's schema refers to
// ("errors.schema.json#/definitions/envelope"), so XML and form bodies are read by the
// types of a shared definition as JSON Schema validation reads them.
#pragma once

#include "codec/schema_view.hpp"
#include "contracts/catalog.hpp"

namespace conform::contracts {

// Resolves a file name beside `vendor`'s manifest through the catalog's registry, which
// caches what it loads: the documents live as long as `catalog`. Unreadable, or outside the
// catalog folder: nullptr.
codec::SchemaResolver schema_resolver(const Catalog& catalog, const Manifest& vendor);

}  // namespace conform::contracts
