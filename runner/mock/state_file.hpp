// state_file: the --state file that keeps the mock's users between runs.
#pragma once

#include <filesystem>
#include <string>

#include "mock/user_store.hpp"

namespace conform::mock {

// Loads `file` into `store` (a missing file is an empty state). "" when it loaded, else a
// message naming the file and what is wrong.
std::string load_state(const std::filesystem::path& file, UserStore& store);

// How far a saved state must survive.
enum class Durability {
  process_kill,  // the process killed (kill -9): the kernel holds the file; no flush
  power_loss,    // the machine going down: flushed to disk before the rename
};

// Writes the store to a temporary file beside `file` and renames it over `file`, so a crash
// leaves the old state or the new one, never half of either. "" when saved, else what went
// wrong.
std::string save_state(const std::filesystem::path& file, const UserStore& store,
                       Durability durability = Durability::power_loss);

}  // namespace conform::mock
