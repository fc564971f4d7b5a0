// vendor_lookup: a vendor or message the user named, or a usage error that names the
// nearest one ("did you mean"), the same words in every command.
#pragma once

#include <string>
#include <vector>

#include "contracts/catalog.hpp"

namespace conform::cli {

// "; did you mean \"NAME\"?" when a known name is near `name`, else "".
std::string did_you_mean(const std::string& name, const std::vector<std::string>& known);

// The vendor `id`; UsageError "unknown vendor" when the catalog has none.
const contracts::Manifest& find_vendor(const contracts::Catalog& catalog, const std::string& id);

// The message `name` ("request", "response:200") of `vendor`; UsageError naming the
// vendor's messages when it documents none of that name.
const contracts::MessageSpec& find_message(const contracts::Catalog& catalog,
                                           const contracts::Manifest& vendor,
                                           const std::string& name);

}  // namespace conform::cli
