#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace pillars {

/// Deterministic 64-bit generator: xoshiro256** (Blackman & Vigna, 2018) with its state filled by
/// splitmix64 (Steele, Lea & Flood), so any seed, including 0, gives a well-mixed start. Streams
/// are identical on every platform; the derived uniform/bounded helpers use only exact integer
/// operations and one exact scaling, so they are too.
class Rng {
 public:
  explicit Rng(std::uint64_t seed = 0);

  /// Next raw 64-bit output.
  std::uint64_t next() {
    const std::uint64_t result = rotateLeft(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotateLeft(m_state[3], 45);
    return result;
  }

  /// Uniform in [0, 1) on the 2^-53 grid (the top 53 bits of one output).
  double uniform01() { return static_cast<double>(next() >> 11) * 0x1p-53; }

  /// Uniform in (0, 1] on the 2^-53 grid: safe to take the logarithm of.
  double uniformOpen01() { return static_cast<double>((next() >> 11) + 1) * 0x1p-53; }

  /// Unbiased integer in [0, n) for n > 0 (Lemire's multiply-shift with rejection); n == 0
  /// returns 0. Usually consumes one output; rejection needs more with probability < n / 2^64.
  std::uint64_t below(std::uint64_t n);

  /// Uniform in [a, b) (for a < b).
  double uniform(double a, double b) { return a + (b - a) * uniform01(); }

  /// Seed of the independent stream called `streamName` under `masterSeed`. It depends only on
  /// these two values, so a component keeps its stream when other components are added or
  /// removed. Distinct names (by 64-bit FNV-1a hash) give distinct seeds for the same master,
  /// and distinct masters give distinct seeds for the same name.
  static std::uint64_t streamSeed(std::uint64_t masterSeed, std::string_view streamName);

  bool operator==(const Rng&) const = default;

 private:
  static constexpr std::uint64_t rotateLeft(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
  }

  std::array<std::uint64_t, 4> m_state{};
};

}  // namespace pillars
