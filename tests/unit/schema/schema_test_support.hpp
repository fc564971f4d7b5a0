// Helpers for the schema tests: JSON from text, schemas from text (temporary schema files
// come from support/temp_dir.hpp).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "codec/rapidjson.hpp"
#include "schema/schema.hpp"
#include "support/temp_dir.hpp"

namespace conform::schema::testing {

rapidjson::Document json(const std::string& text);

// Compiles `schema_text` with a fresh registry (kept alive by the returned schema).
std::shared_ptr<const Schema> compile(const std::string& schema_text);

Findings findings_of(const Schema& schema, const std::string& instance_text,
                     const ValidateOptions& options = {});

using TempDir = conform::test::TempDir;

}  // namespace conform::schema::testing
