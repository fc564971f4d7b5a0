// JsonSourceMap: JSON Pointers -> positions in JSON source text, found by re-scanning the
// text on demand (only failures pay for it).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "codec/source_map.hpp"
#include "codec/text_position.hpp"

namespace conform::codec {

// Where a value (or a member's key) stands in the text: bytes [begin, end).
struct JsonSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Finds values in one JSON text; each object or array it passes is scanned once and
// remembered, so finding N values costs about one pass over the text, not N.
class JsonLocator {
 public:
  explicit JsonLocator(std::string_view text);
  ~JsonLocator();
  JsonLocator(const JsonLocator&) = delete;
  JsonLocator& operator=(const JsonLocator&) = delete;

  // As find_json_value below.
  std::optional<JsonSpan> find(const std::vector<std::string>& tokens, std::size_t occurrence = 1,
                               bool want_key = false);
  // As location_of_span below, without rescanning the text before `span`.
  Location location(JsonSpan span);

 private:
  struct Container;
  Container& container_at(std::size_t begin);
  JsonSpan whole(std::size_t begin);

  std::string_view text_;
  std::unordered_map<std::size_t, Container> containers_;
  std::optional<TextIndex> index_;
};

// Finds the value at `tokens` in the JSON text `bytes`. For an object member the match is
// its `occurrence`-th key of that name (1 = first; duplicates make later ones reachable);
// with `want_key` the span is the last member's key rather than its value. A token that
// does not resolve yields the span of the deepest value reached (the parent of a missing
// member). nullopt only when the text is not JSON where the walk passes.
std::optional<JsonSpan> find_json_value(std::string_view bytes,
                                        const std::vector<std::string>& tokens,
                                        std::size_t occurrence = 1, bool want_key = false);

// Location (line, column, caret length on the first line) of bytes [begin, end).
Location location_of_span(std::string_view bytes, JsonSpan span);

// A SourceMap over a copy of the JSON text. `locate` points at the value (`locate_name` at the
// key): a caret under `42` in `"Id": 42`; a missing member points at its parent object.
// Placing many findings costs one pass over the text (JsonLocator).
class JsonSourceMap final : public SourceMap {
 public:
  explicit JsonSourceMap(std::string bytes);
  ~JsonSourceMap() override;
  Location locate(std::string_view pointer) const override;
  Location locate_name(std::string_view pointer) const override;

 private:
  std::string bytes_;
  std::unique_ptr<JsonLocator> locator_;  // what it has scanned so far: a cache
};

}  // namespace conform::codec
