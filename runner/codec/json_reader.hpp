// JsonReader: JSON text -> RapidJSON value, every bad input a Finding; reusable across
// many payloads (NDJSON) so steady-state reading allocates nothing. (conform's own report.json
// is read back by report/report_json_reader.hpp.)
#pragma once

#include <memory>
#include <string_view>

#include "codec/limits.hpp"
#include "codec/rapidjson.hpp"
#include "codec/source_map.hpp"
#include "model/finding.hpp"

namespace conform::codec {

// Parses one JSON text into `document` (which keeps using its own allocator). Appends a
// finding (keyword "syntax", "encoding", "duplicate-key" or "limit") for each problem.
// Returns true when `document` holds the payload: duplicate keys and a UTF-8 byte order
// mark are error findings but still yield a value; everything else yields false.
bool parse_json(std::string_view bytes, const Limits& limits, rapidjson::Document& document,
                Findings& findings);

// For callers reading many payloads one after another (NDJSON, benchmarks): keeps its
// parse stack and a memory arena between payloads. Not thread-safe; use one per thread.
class JsonReader {
 public:
  explicit JsonReader(const Limits& limits = {});
  ~JsonReader();
  JsonReader(const JsonReader&) = delete;
  JsonReader& operator=(const JsonReader&) = delete;

  // Reads one payload, replacing the previous one; same verdict and findings as
  // parse_json. The value stays valid until the next read().
  bool read(std::string_view bytes, Findings& findings);
  const rapidjson::Value& value() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A SourceMap for a JSON payload (copies `bytes`; scans only when asked).
std::shared_ptr<const SourceMap> make_json_source_map(std::string_view bytes);

}  // namespace conform::codec
