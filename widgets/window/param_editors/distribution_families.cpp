#include "widgets/window/param_editors/distribution_families.hpp"

#include <charconv>
#include <cmath>

namespace pillars {

const std::vector<DistributionFamily>& distributionFamilies() {
  using K = Distribution::Kind;
  static const std::vector<DistributionFamily> families = {
      {K::Constant, "constant", "value"},
      {K::Uniform, "uniform", "uniform(min, max)"},
      {K::Exponential, "exponential", "exp(mean)"},
      {K::Normal, "normal", "normal(mean, stddev)"},
      {K::LogNormal, "lognormal", "lognormal(median, sigma)"},
      {K::Pareto, "Pareto", "pareto(scale, shape)"},
      {K::Erlang, "Erlang", "erlang(k, mean)"},
      {K::Gamma, "gamma", "gamma(shape, mean)"},
      {K::Empirical, "empirical", "empirical(value: weight, ...)"},
      {K::Zipf, "Zipf", "zipf(n, s)"},
  };
  return families;
}

namespace {

/// Three significant digits, read back from decimal text so the value prints as typed
/// ("4.79ms", not "4.790000000000001ms").
double roundish(double value) {
  if (!std::isfinite(value) || value == 0.0) return value;
  char text[32];
  const auto written = std::to_chars(text, text + sizeof text, value, std::chars_format::general, 3);
  double out = value;
  std::from_chars(text, written.ptr, out);
  return out;
}

}  // namespace

Distribution convertDistribution(const Distribution& from, Distribution::Kind kind,
                                 Distribution::Dimension dim) {
  using K = Distribution::Kind;
  double m = from.mean();
  // A zero, negative or infinite mean has no sensible counterpart: start from a typical value.
  if (!std::isfinite(m) || m <= 0.0) m = dim == Distribution::Dimension::Duration ? 0.01 : 1.0;
  m = roundish(m);
  switch (kind) {
    case K::Constant: return Distribution::constant(m);
    case K::Uniform: return Distribution::uniform(roundish(m / 2), roundish(m * 1.5));
    case K::Exponential: return Distribution::exponential(m);
    case K::Normal: return Distribution::normal(m, roundish(m / 4));
    case K::LogNormal: return Distribution::lognormal(m, 0.5);
    case K::Pareto: return Distribution::pareto(roundish(m / 3), 1.5);  // mean = 3 * scale
    case K::Erlang: return Distribution::erlang(3, m);
    case K::Gamma: return Distribution::gamma(2.0, m);
    case K::Empirical: return Distribution::empirical({roundish(m / 2), roundish(m * 1.5)});
    case K::Zipf: return Distribution::zipf(1000, 1.1);
  }
  return Distribution::constant(m);
}

}  // namespace pillars
