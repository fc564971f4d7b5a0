// workspace_path: how reports name a file, relative to the working folder where it can be.
#pragma once

#include <string>

namespace conform::report {

// An absolute path inside the working folder becomes relative to it ("cases/VENDOR/x.json",
// as docs/report-json.md shows, and as GitHub places annotations); any other path stays as
// given.
std::string workspace_path(const std::string& file);

}  // namespace conform::report
