// schema_diff: what changed between two versions of one message's JSON Schema, each
// change with a stable rule id and a level from the integration's point of view.
#pragma once

#include <string>

#include "drift/item.hpp"
#include "drift/schema_files.hpp"

namespace conform::drift {

// Requests: the integration sends, so what the vendor no longer accepts breaks it.
// Responses: the integration reads, so what it may now receive breaks it.
enum class Direction { request, response };

// Every change from `before` to `after` (docs/drift.md lists the rules). `files` resolves
// "$ref"s of both sides. Items carry `vendor`, `message` and `source` as given; their
// pointer is the location in the newer schema ("/properties/Email/maxLength").
DriftItems diff_schemas(SchemaFiles& files, SchemaNode before, SchemaNode after,
                        Direction direction, const DriftItem& context);

}  // namespace conform::drift
