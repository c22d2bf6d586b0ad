// SplitMix64: the demo's random numbers. A tiny generator whose output is fixed by its seed on
// every platform (the distributions of <random> are not), so the demo is the same everywhere.
// Not thread-safe: one generator per thread.
#pragma once

#include <cstdint>
#include <string_view>

namespace nq::cli {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi] (hi - lo is small, so the modulo bias is negligible).
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }

 private:
  uint64_t state_;
};

// A seed from a text (an organization code and a period): FNV-1a, fixed on every platform.
inline uint64_t SeedOf(std::string_view text, uint64_t salt = 0) {
  uint64_t h = 1469598103934665603ULL ^ salt;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace nq::cli
