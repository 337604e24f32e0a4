#pragma once
// The monkey's dice: one seeded generator, with the few draws its actions need. Draws use the
// raw 64-bit output (std::mt19937_64 is specified bit for bit), not the standard
// distributions, whose results differ between standard libraries: a seed replays the same
// actions on every machine.

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace pillars {

class MonkeyRandom {
 public:
  explicit MonkeyRandom(std::uint64_t seed) : m_engine(seed) {}

  /// 0 .. n-1 (n > 0). The modulo bias is below 2^-40 for the small n used here.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(m_engine() % n); }
  /// lo .. hi, both included.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(m_engine() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  /// [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  template <typename T>
  const T& pick(const std::vector<T>& from) {
    return from[below(from.size())];
  }

 private:
  std::mt19937_64 m_engine;
};

}  // namespace pillars
