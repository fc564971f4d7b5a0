// QuickVerdict: clears valid JSON payloads without building findings — the common case in
// bulk validation — so that only the others pay for the full check that explains them.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "codec/limits.hpp"
#include "schema/schema.hpp"

namespace conform::schema {

class QuickVerdict {
 public:
  QuickVerdict(std::shared_ptr<const Schema> schema, bool strict, const codec::Limits& limits);

  // True only when `json` parses with no finding under `limits` (codec::parse_json would
  // report none) and its value is valid against the schema (Schema::validate would return
  // true and report nothing). False says nothing: the caller runs the full check. Safe to
  // call from many threads: each keeps its own reader and arena, so a steady stream of
  // payloads allocates nothing.
  bool clears(std::string_view json) const;

 private:
  std::shared_ptr<const Schema> schema_;
  ValidateOptions options_;
  codec::Limits limits_;
  std::uint64_t id_;  // tells a thread's reader whose limits it was made with
};

}  // namespace conform::schema
