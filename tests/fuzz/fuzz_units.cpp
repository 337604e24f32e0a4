// Fuzzes the text parsers for numbers, durations and distributions (engine/util/units.*,
// engine/sim/distribution_text.cpp): every scenario value and `--set` goes through them.
// Oracles are the round trips the headers promise: what parses, formatted and parsed again,
// gives back the same value (numbers, durations in seconds and in nanoseconds below 2^53 ns,
// distributions in both dimensions). An accepted distribution is also sampled, since a
// parameter the parser lets through must not make sampling misbehave, and its mean and
// variance must not be NaN. The first eight bytes, read as a double and as an integer, also go
// through the formatters directly, so values no text would produce (NaN payloads, subnormals,
// extremes) are formatted too.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "engine/sim/distribution.hpp"
#include "engine/sim/random.hpp"
#include "engine/util/units.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace pillars;

namespace {

constexpr SimTime kExactLimit = SimTime{1} << 53;

void checkSeconds(double seconds) {
  const std::string text = formatSeconds(seconds);
  if (!std::isfinite(seconds) || seconds < 0) return;
  const auto back = parseDurationSeconds(text);
  if (!back || *back != seconds) fuzz::fail("formatSeconds does not read back", text);
}

void checkNanos(SimTime nanos) {
  const std::string text = formatDuration(nanos);
  if (nanos < 0 || nanos >= kExactLimit) return;
  const auto back = parseDuration(text);
  if (!back || *back != nanos) fuzz::fail("formatDuration does not read back", text);
}

void checkDistribution(std::string_view text, Distribution::Dimension dim) {
  const auto d = Distribution::parse(text, dim);
  if (!d) return;
  const std::string written = d->toString(dim);
  const auto back = Distribution::parse(written, dim);
  if (!back || !(*back == *d)) fuzz::fail("a distribution's text form does not read back", written);
  Rng rng(42);
  for (int i = 0; i < 8; ++i) {
    const double x = d->sample(rng);
    if (std::isnan(x)) fuzz::fail("a valid distribution sampled NaN", written);
  }
  // Infinite moments are real (pareto with shape <= 1); NaN ones are a computation gone wrong,
  // and a NaN member also makes the distribution unequal to itself.
  if (std::isnan(d->mean()) || std::isnan(d->variance())) {
    fuzz::fail("a valid distribution has a NaN mean or variance", written);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::asText(data, size);
  if (const auto x = parseNumber(text)) {
    const std::string written = formatNumber(*x);
    const auto back = parseNumber(written);
    if (!back || *back != *x) fuzz::fail("formatNumber does not read back", written);
  }
  if (const auto seconds = parseDurationSeconds(text)) checkSeconds(*seconds);
  if (const auto nanos = parseDuration(text)) checkNanos(*nanos);
  checkDistribution(text, Distribution::Dimension::Duration);
  checkDistribution(text, Distribution::Dimension::Plain);

  if (size >= 8) {
    double x = 0;
    std::int64_t n = 0;
    std::memcpy(&x, data, sizeof x);
    std::memcpy(&n, data, sizeof n);
    checkSeconds(x);
    (void)formatNumber(x);
    checkNanos(n);
  }
  return 0;
}
