#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sim/random.hpp"

namespace pillars {

/// A probability distribution over doubles (seconds for durations), as a small copyable value.
/// Parameters are checked by validate() rather than on construction, so scenario loading can
/// report every problem with context. Sampling is a switch on the kind: no virtual calls, no
/// allocation, no hidden state (sample() is const), and only deterministic arithmetic (Rng and
/// detmath), so a seed yields the same values everywhere. Normal samples can be negative;
/// callers that need durations clamp them.
class Distribution {
 public:
  enum class Kind {
    Constant,
    Uniform,
    Exponential,
    Normal,
    LogNormal,
    Pareto,
    Erlang,
    Gamma,
    Empirical,
    Zipf,
  };

  /// How value arguments are written in text: durations accept units ("5ms"; a bare number is
  /// seconds), plain values are bare numbers. Shapes, sigmas, counts and weights are always plain.
  enum class Dimension { Duration, Plain };

  /// Integer parameters (erlang k, zipf n) are stored as doubles, exact up to 2^53.
  static constexpr double kMaxIntegerParameter = 0x1p53;

  /// Constant 0.
  Distribution() = default;

  static Distribution constant(double value);
  /// Uniform on [min, max).
  static Distribution uniform(double min, double max);
  static Distribution exponential(double mean);
  static Distribution normal(double mean, double stddev);
  /// exp(N(ln median, sigma^2)).
  static Distribution lognormal(double median, double sigma);
  /// scale / U^(1/shape): values >= scale, tail index `shape`.
  static Distribution pareto(double scale, double shape);
  /// Sum of k exponentials; `mean` is the mean of the whole sum.
  static Distribution erlang(std::int64_t k, double mean);
  /// Gamma with the given shape, parameterized by its mean (scale = mean / shape).
  static Distribution gamma(double shape, double mean);
  /// Discrete table of values; weights are relative (need not sum to 1), empty means equal.
  static Distribution empirical(std::vector<double> values, std::vector<double> weights = {});
  /// Integers 1..n with P(k) proportional to k^-s.
  static Distribution zipf(std::int64_t n, double s);

  /// One sample. Consumes a variable number of Rng outputs for the rejection methods (gamma,
  /// large-k erlang, zipf); the sequence is still fully determined by the Rng state.
  /// Invalid distributions (see validate()) return NaN.
  double sample(Rng& rng) const;

  /// Analytic mean (+infinity for pareto with shape <= 1).
  double mean() const;
  /// Analytic variance (+infinity where it does not exist, e.g. pareto with shape <= 2).
  double variance() const;

  Kind kind() const { return m_kind; }
  /// Canonical text name of a kind: "const", "uniform", "exp", "normal", "lognormal", "pareto",
  /// "erlang", "gamma", "empirical", "zipf".
  static std::string_view kindName(Kind kind);

  /// Factory arguments in factory order (index 0 or 1; 0 for unused). For erlang and zipf the
  /// first is the integer k or n. Empirical tables are in values() and weights().
  double parameter(std::size_t index) const { return index < 2 ? m_params[index] : 0.0; }
  /// Number of factory arguments (empirical: 0; see values()).
  std::size_t parameterCount() const;
  const std::vector<double>& values() const { return m_values; }
  /// Relative weights of values(), as given (all 1 when created without weights).
  const std::vector<double>& weights() const { return m_weights; }

  /// Empty if the parameters are valid, otherwise an English description of the first problem,
  /// e.g. "exponential mean must be > 0, got -1".
  std::string validate() const;

  /// Parses the text form: a bare value (constant) or name(args), e.g. "5ms", "exp(20ms)",
  /// "uniform(1ms, 3ms)", "normal(10ms, 2ms)", "lognormal(10ms, 0.5)", "pareto(1ms, 1.5)",
  /// "erlang(3, 30ms)", "gamma(2.5, 30ms)", "empirical(1ms: 0.5, 5ms: 0.5)", "zipf(1000, 1.1)".
  /// Aliases: "constant" for "const", "exponential" for "exp". On failure returns nullopt and,
  /// if `error` is non-null, stores a message saying what was expected.
  static std::optional<Distribution> parse(std::string_view text, Dimension dim,
                                           std::string* error = nullptr);

  /// Canonical text form; parse(toString(dim), dim) gives back an equal distribution.
  std::string toString(Dimension dim) const;

  bool operator==(const Distribution&) const = default;

 private:
  Distribution(Kind kind, double first, double second);
  void prepare();

  Kind m_kind = Kind::Constant;
  bool m_valid = true;
  std::array<double, 2> m_params{};  // factory arguments
  // Sampling constants derived from the parameters once, so sample() does no setup work.
  std::array<double, 4> m_derived{};
  double m_mean = 0.0;
  double m_variance = 0.0;
  std::vector<double> m_values;
  std::vector<double> m_weights;
  std::vector<double> m_cumulative;  // normalized running sums of m_weights; last is exactly 1
};

}  // namespace pillars
