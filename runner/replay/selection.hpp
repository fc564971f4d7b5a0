// selection: which cases a run takes — by tag, and by shard so N machines together run
// each case exactly once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "replay/case.hpp"

namespace conform::replay {

struct Shard {
  int index = 1;  // 1-based K of K/N
  int count = 1;
};

// "K/N" with 1 <= K <= N; nullopt otherwise.
std::optional<Shard> parse_shard(std::string_view text);

// FNV-1a, 64 bits: the same on every machine and compiler (std::hash is not).
std::uint64_t stable_hash(std::string_view text);

// The key a case is sharded by: vendor, file name (not its folder, which differs between
// checkouts) and case name.
std::string shard_key(const Case& test_case);

bool in_shard(const Case& test_case, const Shard& shard);

struct Selection {
  std::vector<std::string> tags;          // empty: every case; else a case needs one of them
  std::vector<std::string> exclude_tags;  // a case with any of them is left out
  Shard shard;
};

bool selected(const Case& test_case, const Selection& selection);

}  // namespace conform::replay
