// The draft-07 metaschema, bundled so "http://json-schema.org/draft-07/schema" resolves
// offline.
#pragma once

#include <string_view>

namespace conform::schema {

constexpr std::string_view kDraft07MetaschemaUri = "http://json-schema.org/draft-07/schema";

// The metaschema's JSON text, as published at kDraft07MetaschemaUri.
std::string_view draft07_metaschema_text();

}  // namespace conform::schema
