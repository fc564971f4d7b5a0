// SourceMap: from a JSON Pointer in a decoded value back to the source bytes.
#pragma once

#include <string>
#include <string_view>

namespace conform::codec {

struct Location {
  int line = 0;       // 1-based; 0 when unknown
  int column = 0;     // 1-based, counted in code points
  int length = 0;     // code points the value spans on its first line (for carets)
  std::string xpath;  // indexed XPath for XML, "key[n]" for forms; empty for JSON
};

class SourceMap {
 public:
  virtual ~SourceMap() = default;
  // Locates the value at `pointer`; for a pointer to a missing member, its parent.
  // Called only on failure paths, so it may re-scan the source.
  virtual Location locate(std::string_view pointer) const = 0;
  // Locates the member name of the member at `pointer` (a finding about the name, such as
  // an undocumented property, points there); formats without separate names locate the value.
  virtual Location locate_name(std::string_view pointer) const { return locate(pointer); }
};

}  // namespace conform::codec
