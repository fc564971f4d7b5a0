// manifest_reader: a vendor.json document -> Manifest (after it passed the manifest schema).
#pragma once

#include <filesystem>
#include <memory>

#include "codec/rapidjson.hpp"
#include "contracts/manifest.hpp"

namespace conform::contracts {

// `document` already validated against manifest.schema.json, so members have their types.
Manifest read_manifest(std::shared_ptr<const rapidjson::Document> document,
                       const std::filesystem::path& dir);

}  // namespace conform::contracts
