// "Did you mean": the documented name nearest to an undocumented one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conform::schema {

// Case-insensitive equality wins; otherwise the candidate with the smallest
// Damerau-Levenshtein distance, when that distance is small for the name's length
// (at most 1 for names up to 4 characters, 2 up to 8, then a quarter of the length, at most 4).
std::optional<std::string> suggest_name(std::string_view name,
                                        const std::vector<std::string_view>& candidates);

// Optimal string alignment distance (adjacent transpositions count as one edit).
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace conform::schema
