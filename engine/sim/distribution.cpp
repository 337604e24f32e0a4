#include "engine/sim/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "engine/sim/detmath.hpp"
#include "engine/util/units.hpp"

namespace pillars {

namespace {

using Kind = Distribution::Kind;
using Dimension = Distribution::Dimension;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kTwoPi = 0x1.921fb54442d18p+2;
constexpr double kMaxInteger = Distribution::kMaxIntegerParameter;
// Up to this k an Erlang sample is -theta * log(U1 * ... * Uk): one log, and the product of
// uniforms on the 2^-53 grid cannot underflow. Larger k use the gamma method (O(1) in k).
constexpr double kErlangProductLimit = 12.0;

bool isFinite(double x) { return x - x == 0.0; }  // false for inf and NaN

// Standard normal by Box-Muller, using exactly two uniforms and no cached second value, so a
// sample depends only on the Rng state. U1 is in (0, 1] so log(U1) is finite.
double standardNormal(Rng& rng) {
  const double u1 = rng.uniformOpen01();
  const double u2 = rng.uniform01();
  return std::sqrt(-2.0 * detmath::log(u1)) * detmath::cos(kTwoPi * u2);
}

// Gamma(d + 1/3, 1) for shape >= 1 by Marsaglia & Tsang (2000), with c = 1 / sqrt(9 d).
double marsagliaTsang(Rng& rng, double d, double c) {
  for (;;) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = standardNormal(rng);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = rng.uniformOpen01();
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;  // cheap squeeze accepts ~98%
    if (detmath::log(u) < 0.5 * x2 + d * (1.0 - v + detmath::log(v))) return d * v;
  }
}

// ---- Zipf by rejection-inversion (Hoermann & Derflinger 1996) ---------------------------------
//
// h(x) = x^-s continues the weights to the reals and H(x) = (x^(1-s) - 1) / (1 - s) (log x for
// s == 1) is its integral. A uniform u on (H(1.5) - h(1), H(n + 0.5)] is inverted to x = H^-1(u);
// k = round(x) is accepted when u lands in the top h(k) of k's slice [H(k - 0.5), H(k + 0.5)],
// which happens with probability proportional to h(k). No table, O(1) expected work for any n.
// expm1/log1p forms keep H and H^-1 accurate near s == 1.

// expm1(t) / t, continuous at 0.
double expm1OverT(double t) {
  if (t > 1e-8 || t < -1e-8) return detmath::expm1(t) / t;
  return 1.0 + t * (0.5 + t * (1.0 / 6.0));
}

// log1p(t) / t, continuous at 0.
double log1pOverT(double t) {
  if (t > 1e-8 || t < -1e-8) return detmath::log1p(t) / t;
  return 1.0 - t * (0.5 - t * (1.0 / 3.0));
}

double zipfWeight(double x, double s) { return detmath::exp(-s * detmath::log(x)); }

double zipfIntegral(double x, double s) {
  const double logX = detmath::log(x);
  return logX * expm1OverT((1.0 - s) * logX);
}

double zipfIntegralInverse(double y, double s) {
  return detmath::exp(y * log1pOverT((1.0 - s) * y));
}

// Generalized harmonic number sum_{k=1..n} k^-a (any real a). Large n use Euler-Maclaurin from
// k = 1024 on, whose remainder there is far below double precision for the exponents used
// (a in (-2, inf)).
double generalizedHarmonic(double n, double a) {
  constexpr double kDirect = 4096.0;
  constexpr double kSplit = 1024.0;
  const double directEnd = n <= kDirect ? n : kSplit - 1.0;
  double sum = 0.0;
  for (double k = directEnd; k >= 1.0; k -= 1.0) sum += detmath::pow(k, -a);  // small terms first
  if (n <= kDirect) return sum;
  // Where the tail's first term m^-a underflows to zero (a above about 107), the whole tail is
  // below n * 2^-1074, nothing next to sum >= 1; and its derivative coefficients below overflow
  // for a over about 1e102 (-a(a+1)(a+2) is inf, inf * 0 NaN): a zipf(10000, 1e300) had a NaN
  // mean and compared unequal to itself, found by fuzz_units.
  if (detmath::pow(kSplit, -a) == 0.0) return sum;

  const double m = kSplit;
  const double logRatio = detmath::log(n / m);
  const double integral = detmath::pow(m, 1.0 - a) * logRatio * expm1OverT((1.0 - a) * logRatio);
  // Derivatives of f(x) = x^-a: f' = -a x^(-a-1), f''' = -a(a+1)(a+2) x^(-a-3), and f^(5).
  const double d1 = -a;
  const double d3 = d1 * (a + 1.0) * (a + 2.0);
  const double d5 = d3 * (a + 3.0) * (a + 4.0);
  auto derivative = [a](double coefficient, double x, double order) {
    return coefficient * detmath::pow(x, -a - order);
  };
  const double ends = 0.5 * (detmath::pow(m, -a) + detmath::pow(n, -a));
  const double b2 = (derivative(d1, n, 1.0) - derivative(d1, m, 1.0)) / 12.0;
  const double b4 = (derivative(d3, n, 3.0) - derivative(d3, m, 3.0)) / 720.0;
  const double b6 = (derivative(d5, n, 5.0) - derivative(d5, m, 5.0)) / 30240.0;
  return sum + ((integral + ends) + (b2 - b4 + b6));
}

}  // namespace

// ---- Construction -------------------------------------------------------------------------------

Distribution::Distribution(Kind kind, double first, double second)
    : m_kind(kind), m_params{first, second} {}

Distribution Distribution::constant(double value) {
  Distribution d(Kind::Constant, value, 0.0);
  d.prepare();
  return d;
}

Distribution Distribution::uniform(double min, double max) {
  Distribution d(Kind::Uniform, min, max);
  d.prepare();
  return d;
}

Distribution Distribution::exponential(double mean) {
  Distribution d(Kind::Exponential, mean, 0.0);
  d.prepare();
  return d;
}

Distribution Distribution::normal(double mean, double stddev) {
  Distribution d(Kind::Normal, mean, stddev);
  d.prepare();
  return d;
}

Distribution Distribution::lognormal(double median, double sigma) {
  Distribution d(Kind::LogNormal, median, sigma);
  d.prepare();
  return d;
}

Distribution Distribution::pareto(double scale, double shape) {
  Distribution d(Kind::Pareto, scale, shape);
  d.prepare();
  return d;
}

Distribution Distribution::erlang(std::int64_t k, double mean) {
  Distribution d(Kind::Erlang, static_cast<double>(k), mean);
  d.prepare();
  return d;
}

Distribution Distribution::gamma(double shape, double mean) {
  Distribution d(Kind::Gamma, shape, mean);
  d.prepare();
  return d;
}

Distribution Distribution::empirical(std::vector<double> values, std::vector<double> weights) {
  Distribution d(Kind::Empirical, 0.0, 0.0);
  if (weights.empty()) weights.assign(values.size(), 1.0);
  d.m_values = std::move(values);
  d.m_weights = std::move(weights);
  d.prepare();
  return d;
}

Distribution Distribution::zipf(std::int64_t n, double s) {
  Distribution d(Kind::Zipf, static_cast<double>(n), s);
  d.prepare();
  return d;
}

void Distribution::prepare() {
  m_valid = validate().empty();
  m_derived = {};
  m_cumulative.clear();
  const double p0 = m_params[0];
  const double p1 = m_params[1];
  switch (m_kind) {
    case Kind::Constant:
      m_mean = p0;
      m_variance = 0.0;
      break;
    case Kind::Uniform:
      m_derived[0] = p1 - p0;
      m_mean = 0.5 * (p0 + p1);
      m_variance = (p1 - p0) * (p1 - p0) / 12.0;
      break;
    case Kind::Exponential:
      m_mean = p0;
      m_variance = p0 * p0;
      break;
    case Kind::Normal:
      m_mean = p0;
      m_variance = p1 * p1;
      break;
    case Kind::LogNormal: {
      m_derived[0] = detmath::log(p0);  // mu
      const double s2 = p1 * p1;
      m_mean = p0 * detmath::exp(0.5 * s2);
      m_variance = detmath::expm1(s2) * p0 * p0 * detmath::exp(s2);
      break;
    }
    case Kind::Pareto:
      m_derived[0] = -1.0 / p1;
      // In ratios that cannot overflow: with a shape near the largest double, scale x shape
      // is infinite and the variance's infinite terms would divide into NaN.
      m_mean = p1 > 1.0 ? p0 * (p1 / (p1 - 1.0)) : kInf;
      m_variance = p1 > 2.0 ? (p0 / (p1 - 1.0)) * (p0 / (p1 - 1.0)) * (p1 / (p1 - 2.0)) : kInf;
      break;
    case Kind::Erlang:
    case Kind::Gamma: {
      // Both are Gamma(shape, theta); erlang's shape is k.
      const double shape = p0;
      const double mean = p1;
      const double boosted = shape < 1.0 ? shape + 1.0 : shape;  // Marsaglia-Tsang needs >= 1
      const double d = boosted - 1.0 / 3.0;
      m_derived[0] = mean / shape;  // theta
      m_derived[1] = d;
      m_derived[2] = 1.0 / std::sqrt(9.0 * d);
      m_derived[3] = 1.0 / shape;  // exponent for the shape < 1 boost U^(1/shape)
      m_mean = mean;
      m_variance = mean * mean / shape;
      break;
    }
    case Kind::Empirical: {
      if (!m_valid) {
        m_mean = kNaN;
        m_variance = kNaN;
        break;
      }
      double total = 0.0;
      for (const double w : m_weights) total += w;
      double running = 0.0;
      double mean = 0.0;
      for (std::size_t i = 0; i < m_values.size(); ++i) {
        running += m_weights[i];
        m_cumulative.push_back(running / total);
        // Each value weighs by its probability, not its raw weight, so values near the largest
        // double do not overflow a weighted sum whose mean is finite.
        mean += (m_weights[i] / total) * m_values[i];
      }
      m_cumulative.back() = 1.0;  // uniform01() < 1 always finds an entry
      m_mean = mean;
      double variance = 0.0;
      for (std::size_t i = 0; i < m_values.size(); ++i) {
        // A value that is never drawn adds nothing, even when its squared distance to the mean
        // overflows (0 x inf would make the variance NaN).
        if (m_weights[i] == 0.0) continue;
        const double deviation = m_values[i] - m_mean;
        variance += (m_weights[i] / total) * deviation * deviation;
      }
      m_variance = variance;
      break;
    }
    case Kind::Zipf: {
      if (!m_valid) {
        m_mean = kNaN;
        m_variance = kNaN;
        break;
      }
      const double n = p0;
      const double s = p1;
      m_derived[0] = zipfIntegral(1.5, s) - 1.0;  // H(1.5) - h(1)
      m_derived[1] = zipfIntegral(n + 0.5, s);    // H(n + 0.5)
      // Squeeze: any x >= k - m_derived[2] is certainly accepted. For very large s, H saturates
      // and the inverse loses its argument; 0 is always a safe (if less effective) squeeze.
      const double squeeze =
          2.0 - zipfIntegralInverse(zipfIntegral(2.5, s) - zipfWeight(2.0, s), s);
      m_derived[2] = squeeze >= 0.0 && squeeze <= 1.0 ? squeeze : 0.0;
      const double norm = generalizedHarmonic(n, s);
      m_mean = generalizedHarmonic(n, s - 1.0) / norm;
      m_variance = std::max(0.0, generalizedHarmonic(n, s - 2.0) / norm - m_mean * m_mean);
      break;
    }
  }
}

// ---- Sampling -----------------------------------------------------------------------------------

double Distribution::sample(Rng& rng) const {
  if (!m_valid) return kNaN;
  switch (m_kind) {
    case Kind::Constant: return m_params[0];
    case Kind::Uniform: return m_params[0] + m_derived[0] * rng.uniform01();
    case Kind::Exponential: return -m_params[0] * detmath::log(rng.uniformOpen01());
    case Kind::Normal: return m_params[0] + m_params[1] * standardNormal(rng);
    case Kind::LogNormal: return detmath::exp(m_derived[0] + m_params[1] * standardNormal(rng));
    case Kind::Pareto:
      // scale / U^(1/shape) with U in (0, 1]; U = 1 gives exactly the scale.
      return m_params[0] * detmath::exp(m_derived[0] * detmath::log(rng.uniformOpen01()));
    case Kind::Erlang:
      if (m_params[0] <= kErlangProductLimit) {
        double product = rng.uniformOpen01();
        for (double i = 1.0; i < m_params[0]; i += 1.0) product *= rng.uniformOpen01();
        return -m_derived[0] * detmath::log(product);
      }
      return m_derived[0] * marsagliaTsang(rng, m_derived[1], m_derived[2]);
    case Kind::Gamma: {
      double g = marsagliaTsang(rng, m_derived[1], m_derived[2]);
      if (m_params[0] < 1.0) {
        // Gamma(a) = Gamma(a + 1) * U^(1/a) (Marsaglia & Tsang's boost for a < 1).
        g *= detmath::exp(m_derived[3] * detmath::log(rng.uniformOpen01()));
      }
      // A tiny shape (1e-300) makes U^(1/a) underflow to 0 while the scale mean/a overflows to
      // infinity: the draw is 0, not inf x 0 = NaN.
      return g > 0.0 ? m_derived[0] * g : 0.0;
    }
    case Kind::Empirical: {
      const double u = rng.uniform01();
      const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), u);
      return m_values[static_cast<std::size_t>(it - m_cumulative.begin())];
    }
    case Kind::Zipf: {
      const double n = m_params[0];
      const double s = m_params[1];
      const double low = m_derived[0];
      const double high = m_derived[1];
      for (;;) {
        const double u = high + rng.uniform01() * (low - high);  // in (low, high]
        const double x = zipfIntegralInverse(u, s);
        // k = round(x) clamped to [1, n]. Where H saturates (huge s, u at the very top) x can be
        // inf or NaN; those land on n and go through the exact acceptance test.
        const double shifted = x + 0.5;
        double k = n;
        if (shifted < n + 1.0) {
          k = shifted >= 1.0 ? static_cast<double>(static_cast<std::int64_t>(shifted)) : 1.0;
        }
        if (k - x <= m_derived[2] || u >= zipfIntegral(k + 0.5, s) - zipfWeight(k, s)) return k;
      }
    }
  }
  return kNaN;
}

double Distribution::mean() const { return m_mean; }

double Distribution::variance() const { return m_variance; }

// ---- Introspection ------------------------------------------------------------------------------

std::string_view Distribution::kindName(Kind kind) {
  switch (kind) {
    case Kind::Constant: return "const";
    case Kind::Uniform: return "uniform";
    case Kind::Exponential: return "exp";
    case Kind::Normal: return "normal";
    case Kind::LogNormal: return "lognormal";
    case Kind::Pareto: return "pareto";
    case Kind::Erlang: return "erlang";
    case Kind::Gamma: return "gamma";
    case Kind::Empirical: return "empirical";
    case Kind::Zipf: return "zipf";
  }
  return "unknown";
}

std::size_t Distribution::parameterCount() const {
  switch (m_kind) {
    case Kind::Constant:
    case Kind::Exponential: return 1;
    case Kind::Empirical: return 0;
    default: return 2;
  }
}

std::string Distribution::validate() const {
  const double p0 = m_params[0];
  const double p1 = m_params[1];
  auto got = [](double v) { return ", got " + formatNumber(v); };
  switch (m_kind) {
    case Kind::Constant:
      if (!isFinite(p0)) return "constant value must be finite" + got(p0);
      return {};
    case Kind::Uniform:
      if (!isFinite(p0)) return "uniform min must be finite" + got(p0);
      if (!isFinite(p1)) return "uniform max must be finite" + got(p1);
      if (!(p0 <= p1)) {
        return "uniform min must be <= max, got min " + formatNumber(p0) + " > max " +
               formatNumber(p1);
      }
      return {};
    case Kind::Exponential:
      if (!(p0 > 0.0 && isFinite(p0))) return "exponential mean must be > 0" + got(p0);
      return {};
    case Kind::Normal:
      if (!isFinite(p0)) return "normal mean must be finite" + got(p0);
      if (!(p1 >= 0.0 && isFinite(p1))) return "normal stddev must be >= 0" + got(p1);
      return {};
    case Kind::LogNormal:
      if (!(p0 > 0.0 && isFinite(p0))) return "lognormal median must be > 0" + got(p0);
      if (!(p1 >= 0.0 && isFinite(p1))) return "lognormal sigma must be >= 0" + got(p1);
      return {};
    case Kind::Pareto:
      if (!(p0 > 0.0 && isFinite(p0))) return "pareto scale must be > 0" + got(p0);
      if (!(p1 > 0.0 && isFinite(p1))) return "pareto shape must be > 0" + got(p1);
      return {};
    case Kind::Erlang:
      if (!(p0 >= 1.0)) return "erlang k must be >= 1" + got(p0);
      if (!(p0 <= kMaxInteger)) return "erlang k must be <= 2^53" + got(p0);
      if (!(p1 > 0.0 && isFinite(p1))) return "erlang mean must be > 0" + got(p1);
      return {};
    case Kind::Gamma:
      if (!(p0 > 0.0 && isFinite(p0))) return "gamma shape must be > 0" + got(p0);
      if (!(p1 > 0.0 && isFinite(p1))) return "gamma mean must be > 0" + got(p1);
      return {};
    case Kind::Empirical: {
      if (m_values.empty()) return "empirical needs at least one value";
      if (m_weights.size() != m_values.size()) {
        return "empirical has " + std::to_string(m_values.size()) + " values but " +
               std::to_string(m_weights.size()) + " weights";
      }
      double total = 0.0;
      for (std::size_t i = 0; i < m_values.size(); ++i) {
        if (!isFinite(m_values[i])) return "empirical values must be finite" + got(m_values[i]);
        if (!(m_weights[i] >= 0.0 && isFinite(m_weights[i]))) {
          return "empirical weights must be >= 0" + got(m_weights[i]);
        }
        total += m_weights[i];
      }
      if (!(total > 0.0 && isFinite(total))) {
        return "empirical weights must have a positive finite sum" + got(total);
      }
      return {};
    }
    case Kind::Zipf:
      if (!(p0 >= 1.0 && p0 <= 1e15)) return "zipf n must be between 1 and 1e15" + got(p0);
      if (!(p1 > 0.0 && isFinite(p1))) return "zipf s must be > 0" + got(p1);
      return {};
  }
  return "unknown distribution kind";
}

}  // namespace pillars
