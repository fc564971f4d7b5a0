// schemas_location: where the vendor contracts live when the user does not say.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace conform::cli {

// --schemas DIR if given, else conform::default_schemas_dir (the library's one lookup) with
// this program's own tree as the installed folder: $CONFORM_SCHEMAS, else schemas/ beside the
// build folder or the install prefix's share/conform/schemas, else where the library was
// built to find them.
std::filesystem::path schemas_location(const std::optional<std::string>& option);

}  // namespace conform::cli
