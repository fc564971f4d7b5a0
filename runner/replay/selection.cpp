#include "replay/selection.hpp"

#include <algorithm>
#include <charconv>

namespace conform::replay {
namespace {

bool has_tag(const Case& test_case, const std::string& tag) {
  return std::find(test_case.tags.begin(), test_case.tags.end(), tag) != test_case.tags.end();
}

}  // namespace

std::optional<Shard> parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Shard shard;
  const auto read = [](std::string_view part, int& out) {
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return ec == std::errc() && end == part.data() + part.size();
  };
  if (!read(text.substr(0, slash), shard.index) || !read(text.substr(slash + 1), shard.count)) {
    return std::nullopt;
  }
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count) return std::nullopt;
  return shard;
}

std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string shard_key(const Case& test_case) {
  return test_case.vendor + "/" + test_case.file.filename().string() + "/" + test_case.name;
}

bool in_shard(const Case& test_case, const Shard& shard) {
  if (shard.count <= 1) return true;
  // FNV's low bits mix poorly: spread by the high half.
  return (stable_hash(shard_key(test_case)) >> 32) % static_cast<std::uint64_t>(shard.count) ==
         static_cast<std::uint64_t>(shard.index - 1);
}

bool selected(const Case& test_case, const Selection& selection) {
  if (!selection.tags.empty() &&
      std::none_of(selection.tags.begin(), selection.tags.end(),
                   [&](const std::string& tag) { return has_tag(test_case, tag); })) {
    return false;
  }
  for (const auto& tag : selection.exclude_tags) {
    if (has_tag(test_case, tag)) return false;
  }
  return in_shard(test_case, selection.shard);
}

}  // namespace conform::replay
