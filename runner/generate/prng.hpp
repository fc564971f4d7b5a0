// Prng: splitmix64, the generator's only source of randomness. Its own arithmetic, not the
// standard distributions (whose output differs between standard libraries), so one seed
// gives the same examples everywhere.
#pragma once

#include <cstddef>
#include <cstdint>

namespace conform::generate {

class Prng {
 public:
  explicit Prng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // A number in [0, bound); 0 when bound is 0. The modulo bias is far below what matters
  // for picking examples.
  std::size_t below(std::size_t bound) {
    return bound == 0 ? 0 : static_cast<std::size_t>(next() % bound);
  }

  bool coin() { return (next() & 1u) != 0; }

 private:
  std::uint64_t state_;
};

// The seed of example `index` of a run seeded with `seed`: each example is generated from
// its own seed, so one example can be replayed without generating those before it.
inline std::uint64_t example_seed(std::uint64_t seed, std::uint64_t index) {
  Prng mix(seed ^ (index * 0xD1B54A32D192ED03ull));
  return mix.next();
}

}  // namespace conform::generate
