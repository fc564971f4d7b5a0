#include "drift/recording_layout.hpp"

#include <algorithm>

namespace conform::drift {
namespace fs = std::filesystem;
namespace {

// Snapshot files of `vendor` from an earlier recording. Only <vendor>/<case>/<n>.json
// files are touched: anything else a user keeps there stays.
void remove_old_snapshots(const fs::path& dir, const std::string& vendor) {
  std::error_code error;
  for (fs::directory_iterator cases(dir / vendor, error), end; !error && cases != end;
       cases.increment(error)) {
    if (!cases->is_directory()) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(cases->path(), error)) {
      const std::string stem = entry.path().stem().string();
      if (entry.path().extension() == ".json" && !stem.empty() &&
          std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        files.push_back(entry.path());
      }
    }
    for (const auto& file : files) fs::remove(file, error);
    fs::remove(cases->path(), error);  // only when now empty
  }
}

}  // namespace

void replace_recording(const fs::path& dir, const std::set<std::string>& vendors,
                       const std::vector<Snapshot>& snapshots) {
  for (const auto& vendor : vendors) {
    remove_old_snapshots(dir, vendor);
    fs::create_directories(dir / vendor);
  }
  write_snapshots(snapshots, dir);
}

}  // namespace conform::drift
