// tree_diff: what changed between two schema trees (two revisions of schemas/): vendors,
// endpoints, media types, messages, each message's JSON Schema and XML rules.
#pragma once

#include <filesystem>

#include "contracts/catalog.hpp"
#include "drift/item.hpp"

namespace conform::drift {

// Every change from `before` to `after`, sorted (docs/drift.md lists the rules).
DriftItems diff_trees(const contracts::Catalog& before, const contracts::Catalog& after);

// What changed between two XML rules files of one message (raw JSON of
// schemas/xml-rules.schema.json's format): root, namespaces, order, list encodings,
// element names, nil and strictness.
DriftItems diff_xml_rules(const rapidjson::Value& before, const rapidjson::Value& after,
                          bool request, const DriftItem& context);

}  // namespace conform::drift
