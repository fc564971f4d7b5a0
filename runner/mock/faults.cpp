#include "mock/faults.hpp"

#include <utility>

namespace conform::mock {
namespace {

// A double in [0, 1) from the top 53 bits.
double unit_interval(std::uint64_t bits) {
  return static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0);
}

}  // namespace

std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::optional<Fault> parse_fault(std::string_view name) {
  if (name == "500") return Fault::status500;
  if (name == "503") return Fault::status503;
  if (name == "429") return Fault::status429;
  if (name == "reset") return Fault::reset;
  if (name == "truncate") return Fault::truncate;
  if (name == "garbage") return Fault::garbage;
  return std::nullopt;
}

const char* to_string(Fault fault) {
  switch (fault) {
    case Fault::none:
      return "none";
    case Fault::status500:
      return "500";
    case Fault::status503:
      return "503";
    case Fault::status429:
      return "429";
    case Fault::reset:
      return "reset";
    case Fault::truncate:
      return "truncate";
    case Fault::garbage:
      return "garbage";
  }
  return "none";
}

int status_of(Fault fault) {
  switch (fault) {
    case Fault::status500:
      return 500;
    case Fault::status503:
      return 503;
    case Fault::status429:
      return 429;
    case Fault::reset:
      return 0;
    case Fault::none:
    case Fault::truncate:
    case Fault::garbage:
      return 200;
  }
  return 200;
}

FaultPlan::FaultPlan(FaultOptions options) : options_(std::move(options)) {}

FaultDecision FaultPlan::next() { return at(counter_.fetch_add(1)); }

FaultDecision FaultPlan::at(std::uint64_t n) const {
  const std::uint64_t base = mix64(options_.seed ^ mix64(n));
  FaultDecision decision;
  decision.noise = mix64(base ^ 0x6e6f697365ULL);
  if (options_.latency_max_ms > options_.latency_min_ms) {
    const auto span = static_cast<std::uint64_t>(options_.latency_max_ms - options_.latency_min_ms);
    decision.latency_ms = options_.latency_min_ms + static_cast<int>(mix64(base + 1) % (span + 1));
  } else {
    decision.latency_ms = options_.latency_min_ms;
  }
  if (!options_.faults.empty() && unit_interval(mix64(base + 2)) < options_.rate) {
    decision.fault = options_.faults[mix64(base + 3) % options_.faults.size()];
  }
  return decision;
}

std::string garbage_bytes(std::uint64_t noise, std::size_t size) {
  // Starts with bytes no JSON, XML or form decoder accepts, then noise.
  std::string out = "\xff\xfe<{";
  std::uint64_t state = noise;
  while (out.size() < size) {
    state = mix64(state);
    out.push_back(static_cast<char>(state & 0xff));
  }
  out.resize(size);
  return out;
}

}  // namespace conform::mock
