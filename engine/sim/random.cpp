#include "engine/sim/random.hpp"

namespace pillars {

namespace {

constexpr std::uint64_t kGoldenGamma = 0x9E3779B97F4A7C15ULL;

// splitmix64's output function: a bijective avalanche mix of 64 bits.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// 64-bit FNV-1a (Fowler, Noll, Vo) over the bytes of the name.
constexpr std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ULL;
  }
  return hash;
}

// High and low 64 bits of a 64x64-bit product. Written portably (no __int128) so every compiler
// computes it the same way; the values are exact either way.
struct Product128 {
  std::uint64_t high;
  std::uint64_t low;
};

constexpr Product128 multiply64(std::uint64_t a, std::uint64_t b) {
  const std::uint64_t aLow = a & 0xFFFFFFFFULL;
  const std::uint64_t aHigh = a >> 32;
  const std::uint64_t bLow = b & 0xFFFFFFFFULL;
  const std::uint64_t bHigh = b >> 32;
  const std::uint64_t lowLow = aLow * bLow;
  const std::uint64_t highLow = aHigh * bLow;
  const std::uint64_t lowHigh = aLow * bHigh;
  const std::uint64_t highHigh = aHigh * bHigh;
  const std::uint64_t middle = (lowLow >> 32) + (highLow & 0xFFFFFFFFULL) + lowHigh;
  return {highHigh + (highLow >> 32) + (middle >> 32), (middle << 32) | (lowLow & 0xFFFFFFFFULL)};
}

}  // namespace

Rng::Rng(std::uint64_t seed) {
  // splitmix64: successive outputs of a Weyl sequence through mix64. Being a bijection of distinct
  // counter values, at most one word can be zero, so the xoshiro state is never all zeros.
  std::uint64_t counter = seed;
  for (std::uint64_t& word : m_state) {
    counter += kGoldenGamma;
    word = mix64(counter);
  }
}

std::uint64_t Rng::below(std::uint64_t n) {
  if (n == 0) return 0;
  // Lemire (2019): the high word of x * n is uniform on [0, n) once the few x whose low word
  // falls below 2^64 mod n are rejected.
  Product128 product = multiply64(next(), n);
  if (product.low < n) {
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    while (product.low < threshold) product = multiply64(next(), n);
  }
  return product.high;
}

std::uint64_t Rng::streamSeed(std::uint64_t masterSeed, std::string_view streamName) {
  // mix64 is a bijection, so for a fixed master distinct name hashes map to distinct seeds, and
  // for a fixed name distinct masters do too. The extra constants keep stream seeds unrelated to
  // Rng(masterSeed) itself.
  const std::uint64_t master = mix64(masterSeed + kGoldenGamma);
  return mix64((master ^ fnv1a64(streamName)) + 2 * kGoldenGamma);
}

}  // namespace pillars
