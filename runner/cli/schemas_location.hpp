// schemas_location: where the vendor contracts live when the user does not say.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace conform::cli {

// --schemas DIR if given, else $CONFORM_SCHEMAS, else schemas/ beside the build folder or the
// install prefix's share/conform/schemas, else the source tree conform was built from.
std::filesystem::path schemas_location(const std::optional<std::string>& option);

}  // namespace conform::cli
