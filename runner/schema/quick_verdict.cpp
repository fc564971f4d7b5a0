#include "schema/quick_verdict.hpp"

#include <atomic>
#include <utility>

#include "codec/json_reader.hpp"

namespace conform::schema {
namespace {

std::uint64_t next_id() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

// One reader per thread, remade when another QuickVerdict (other limits) asks.
struct ThreadReader {
  std::uint64_t owner = 0;
  std::unique_ptr<codec::JsonReader> reader;
};

}  // namespace

QuickVerdict::QuickVerdict(std::shared_ptr<const Schema> schema, bool strict,
                           const codec::Limits& limits)
    : schema_(std::move(schema)), limits_(limits), id_(next_id()) {
  options_.strict = strict;
  options_.first_error_only = true;
}

bool QuickVerdict::clears(std::string_view json) const {
  thread_local ThreadReader mine;
  if (mine.owner != id_ || !mine.reader) {
    mine.reader = std::make_unique<codec::JsonReader>(limits_);
    mine.owner = id_;
  }
  Findings findings;  // stays empty (and unallocated) for a payload that parses cleanly
  if (!mine.reader->read(json, findings) || !findings.empty()) return false;
  return schema_->validate(mine.reader->value(), nullptr, options_);
}

}  // namespace conform::schema
