// FaultPlan: which requests the mock answers slowly or badly. The n-th request's fate
// depends only on the seed and n, so a run with the same --seed fails the same way.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conform::mock {

enum class Fault { none, status500, status503, status429, reset, truncate, garbage };

// "500" | "503" | "429" | "reset" | "truncate" | "garbage" -> Fault.
std::optional<Fault> parse_fault(std::string_view name);
const char* to_string(Fault fault);
// The HTTP status a fault answers with (0 for reset, which answers nothing).
int status_of(Fault fault);

struct FaultOptions {
  std::uint64_t seed = 1;
  int latency_min_ms = 0;
  int latency_max_ms = 0;
  double rate = 0;            // 0..1: the share of requests that get a fault
  std::vector<Fault> faults;  // picked uniformly when a request gets one
};

struct FaultDecision {
  Fault fault = Fault::none;
  int latency_ms = 0;
  std::uint64_t noise = 0;  // seeds garbage bytes and generated ids for this request
};

class FaultPlan {
 public:
  explicit FaultPlan(FaultOptions options);
  // The decision for the next request (thread-safe).
  FaultDecision next();
  // The decision for request number `n` (0-based).
  FaultDecision at(std::uint64_t n) const;

 private:
  FaultOptions options_;
  std::atomic<std::uint64_t> counter_{0};
};

// SplitMix64: a small, well-mixed hash for deterministic choices.
std::uint64_t mix64(std::uint64_t x);

// `size` bytes that are not a valid response body in any format (deterministic in `noise`).
std::string garbage_bytes(std::uint64_t noise, std::size_t size);

}  // namespace conform::mock
