// ArrivalProcess on its own: the instantaneous rate of every pattern, and the arrival times next()
// produces measured against the rate they should follow. Expected values come from the pattern's
// definition (integrals of rateAt), never from an earlier run; statistical bounds are 4 to 5 sigma.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "engine/pillars/work/arrival_process.hpp"

namespace pillars {
namespace {

using Pattern = ArrivalProcess::Pattern;

ArrivalProcess::Config config(Pattern pattern, double rate) {
  ArrivalProcess::Config c;
  c.pattern = pattern;
  c.rate = rate;
  return c;
}

/// Every arrival in [0, end), starting from a reset at 0.
std::vector<SimTime> arrivalsUntil(ArrivalProcess& process, SimTime end, std::uint64_t seed) {
  Rng rng(seed);
  process.reset(0, rng);
  std::vector<SimTime> out;
  SimTime t = 0;
  for (;;) {
    t = process.next(t, rng);
    if (t >= end) break;
    out.push_back(t);
  }
  return out;
}

double countIn(const std::vector<SimTime>& times, SimTime from, SimTime to) {
  double n = 0;
  for (const SimTime t : times) n += (t >= from && t < to) ? 1 : 0;
  return n;
}

/// |observed - expected| within `sigmas` Poisson standard deviations.
void expectPoissonCount(double observed, double expected, double sigmas, const char* what) {
  EXPECT_NEAR(observed, expected, sigmas * std::sqrt(expected))
      << what << ": observed " << observed << ", expected " << expected;
}

TEST(ArrivalProcessTest, RateAtIsFlatForConstantPoissonAndOnOff) {
  for (const Pattern p : {Pattern::Constant, Pattern::Poisson, Pattern::OnOff}) {
    const ArrivalProcess process(config(p, 42.0));
    for (const SimTime t : {SimTime{0}, 3 * kSecond, 17 * kHour}) {
      EXPECT_DOUBLE_EQ(process.rateAt(t), 42.0);
    }
  }
}

TEST(ArrivalProcessTest, RateAtFollowsTheDiurnalSine) {
  ArrivalProcess::Config c = config(Pattern::Diurnal, 100.0);
  c.amplitude = 0.5;
  c.period = 4 * kSecond;
  const ArrivalProcess process(c);
  EXPECT_NEAR(process.rateAt(0), 100.0, 1e-9);
  EXPECT_NEAR(process.rateAt(1 * kSecond), 150.0, 1e-9);  // peak at a quarter period
  EXPECT_NEAR(process.rateAt(2 * kSecond), 100.0, 1e-9);
  EXPECT_NEAR(process.rateAt(3 * kSecond), 50.0, 1e-9);   // trough at three quarters
  EXPECT_NEAR(process.rateAt(4 * kSecond + 1 * kSecond), 150.0, 1e-9);  // periodic
  EXPECT_NEAR(process.rateAt(500 * kMillisecond), 100.0 * (1.0 + 0.5 * std::sin(std::numbers::pi / 4)),
              1e-9);
}

TEST(ArrivalProcessTest, RateAtSwitchesAtTheSpikeEdges) {
  ArrivalProcess::Config c = config(Pattern::Spike, 10.0);
  c.spikeAt = 60 * kSecond;
  c.spikeDuration = 10 * kSecond;
  c.spikeMultiplier = 5.0;
  const ArrivalProcess spike(c);
  EXPECT_DOUBLE_EQ(spike.rateAt(60 * kSecond - 1), 10.0);
  EXPECT_DOUBLE_EQ(spike.rateAt(60 * kSecond), 50.0);
  EXPECT_DOUBLE_EQ(spike.rateAt(70 * kSecond - 1), 50.0);
  EXPECT_DOUBLE_EQ(spike.rateAt(70 * kSecond), 10.0);

  c.spikeDuration = 0;  // a permanent step
  const ArrivalProcess step(c);
  EXPECT_DOUBLE_EQ(step.rateAt(60 * kSecond - 1), 10.0);
  EXPECT_DOUBLE_EQ(step.rateAt(60 * kSecond), 50.0);
  EXPECT_DOUBLE_EQ(step.rateAt(5 * kHour), 50.0);
}

TEST(ArrivalProcessTest, ConstantArrivalsAreExactlyOneOverRateApart) {
  ArrivalProcess process(config(Pattern::Constant, 4.0));
  Rng rng(1);
  process.reset(0, rng);
  SimTime t = 0;
  for (int i = 1; i <= 1000; ++i) {
    t = process.next(t, rng);
    ASSERT_EQ(t, i * 250 * kMillisecond);
  }
}

TEST(ArrivalProcessTest, ZeroRateNeverArrives) {
  for (const Pattern p :
       {Pattern::Constant, Pattern::Poisson, Pattern::OnOff, Pattern::Diurnal, Pattern::Spike}) {
    ArrivalProcess process(config(p, 0.0));
    Rng rng(3);
    process.reset(0, rng);
    EXPECT_EQ(process.next(0, rng), kTimeNever) << "pattern " << static_cast<int>(p);
  }
}

TEST(ArrivalProcessTest, TinyRatesNeverWrapAroundIntoThePast) {
  // One request per ~3000 years: the gap does not fit in SimTime. The next arrival must still be
  // after now (or never), not an overflowed time in the past.
  for (const Pattern p :
       {Pattern::Constant, Pattern::Poisson, Pattern::OnOff, Pattern::Diurnal, Pattern::Spike}) {
    ArrivalProcess::Config c = config(p, 1e-11);
    c.onTime = Distribution::constant(1e12);
    ArrivalProcess process(c);
    Rng rng(3);
    process.reset(kSecond, rng);
    EXPECT_GT(process.next(kSecond, rng), kSecond) << "pattern " << static_cast<int>(p);
  }
}

TEST(ArrivalProcessTest, PoissonGapsAreExponential) {
  const double rate = 50.0;
  ArrivalProcess process(config(Pattern::Poisson, rate));
  Rng rng(7);
  process.reset(0, rng);
  const int n = 100'000;
  SimTime t = 0;
  double sum = 0, sumSq = 0;
  int longerThanMean = 0;
  for (int i = 0; i < n; ++i) {
    const SimTime next = process.next(t, rng);
    const double gap = simTimeToSeconds(next - t);
    sum += gap;
    sumSq += gap * gap;
    longerThanMean += gap > 1.0 / rate ? 1 : 0;
    t = next;
  }
  const double mean = sum / n;
  const double sd = std::sqrt(sumSq / n - mean * mean);
  // Mean 1/rate (sd of the estimate 0.32%), coefficient of variation 1, P(gap > mean) = 1/e.
  EXPECT_NEAR(mean * rate, 1.0, 0.015);
  EXPECT_NEAR(sd / mean, 1.0, 0.02);
  EXPECT_NEAR(static_cast<double>(longerThanMean) / n, std::exp(-1.0), 0.007);
}

TEST(ArrivalProcessTest, DiurnalArrivalsFollowTheIntegratedRateBinByBin) {
  const double rate = 1000.0, a = 0.6;
  const SimTime period = 10 * kSecond;
  ArrivalProcess::Config c = config(Pattern::Diurnal, rate);
  c.amplitude = a;
  c.period = period;
  ArrivalProcess process(c);
  const int periods = 40;
  const auto arrivals = arrivalsUntil(process, periods * period, 11);

  // Forty phase bins, shifted half a bin so that bin 10 is centred on the peak (P/4) and bin 30
  // on the trough (3P/4).
  const int bins = 40;
  const double P = simTimeToSeconds(period);
  const double w = P / bins;
  std::vector<double> counts(bins, 0.0);
  for (const SimTime t : arrivals) {
    const double phase = std::fmod(simTimeToSeconds(t) + w / 2, P);
    counts[static_cast<std::size_t>(phase / w) % bins] += 1.0;
  }
  // Expected count of a bin: periods x the integral of r (1 + a sin(2 pi t / P)) over it.
  const auto expectedIn = [&](double t0, double t1) {
    const double k = 2.0 * std::numbers::pi / P;
    return periods * rate * ((t1 - t0) + a / k * (std::cos(k * t0) - std::cos(k * t1)));
  };
  for (int b = 0; b < bins; ++b) {
    const double t0 = b * w - w / 2;
    expectPoissonCount(counts[b], expectedIn(t0, t0 + w), 5.0, "diurnal bin");
  }
  // Peak over trough tends to (1 + a) / (1 - a) as bins narrow; for this width the exact
  // value carries the bin average of the sine, sinc(pi / bins).
  const double s = std::sin(std::numbers::pi / bins) / (std::numbers::pi / bins);
  const double expectedRatio = (1 + a * s) / (1 - a * s);
  EXPECT_NEAR(counts[10] / counts[30] / expectedRatio, 1.0, 0.08)
      << "peak " << counts[10] << ", trough " << counts[30] << ", (1+a)/(1-a) = "
      << (1 + a) / (1 - a);
  // Over whole periods the sine averages out: mean rate = rate.
  expectPoissonCount(static_cast<double>(arrivals.size()), periods * P * rate, 5.0, "diurnal total");
}

TEST(ArrivalProcessTest, SpikeMultipliesTheRateForItsDurationOnly) {
  ArrivalProcess::Config c = config(Pattern::Spike, 200.0);
  c.spikeAt = 10 * kSecond;
  c.spikeDuration = 10 * kSecond;
  c.spikeMultiplier = 4.0;
  ArrivalProcess spike(c);
  const auto a = arrivalsUntil(spike, 30 * kSecond, 5);
  expectPoissonCount(countIn(a, 0, 10 * kSecond), 2000.0, 5.0, "before spike");
  expectPoissonCount(countIn(a, 10 * kSecond, 20 * kSecond), 8000.0, 5.0, "during spike");
  expectPoissonCount(countIn(a, 20 * kSecond, 30 * kSecond), 2000.0, 5.0, "after spike");

  c.spikeDuration = 0;
  ArrivalProcess step(c);
  const auto b = arrivalsUntil(step, 30 * kSecond, 5);
  expectPoissonCount(countIn(b, 0, 10 * kSecond), 2000.0, 5.0, "before step");
  expectPoissonCount(countIn(b, 10 * kSecond, 30 * kSecond), 16000.0, 5.0, "after step");

  c.spikeDuration = 10 * kSecond;
  c.spikeMultiplier = 0.25;  // a dip thins below the base rate
  ArrivalProcess dip(c);
  const auto d = arrivalsUntil(dip, 30 * kSecond, 5);
  expectPoissonCount(countIn(d, 0, 10 * kSecond), 2000.0, 5.0, "before dip");
  expectPoissonCount(countIn(d, 10 * kSecond, 20 * kSecond), 500.0, 5.0, "during dip");
}

TEST(ArrivalProcessTest, OnOffWithConstantPhasesArrivesOnlyWhileOn) {
  ArrivalProcess::Config c = config(Pattern::OnOff, 500.0);
  c.onTime = Distribution::constant(1.0);
  c.offTime = Distribution::constant(3.0);
  ArrivalProcess process(c);
  const auto a = arrivalsUntil(process, 400 * kSecond, 9);
  // Starts ON at 0: ON phases are [4k, 4k + 1) s.
  for (const SimTime t : a) {
    ASSERT_LT(t % (4 * kSecond), kSecond) << "arrival at " << simTimeToSeconds(t) << " s is in an OFF phase";
  }
  // rate x on / (on + off) x duration = 500 x 1/4 x 400.
  expectPoissonCount(static_cast<double>(a.size()), 50'000.0, 5.0, "on/off total");
}

TEST(ArrivalProcessTest, OnOffWithRandomPhasesAveragesRateTimesDutyCycle) {
  ArrivalProcess::Config c = config(Pattern::OnOff, 200.0);
  c.onTime = Distribution::exponential(1.0);
  c.offTime = Distribution::exponential(3.0);
  ArrivalProcess process(c);
  const auto a = arrivalsUntil(process, 10'000 * kSecond, 13);
  // 2500 ON/OFF cycles: the ON fraction's relative sd is about 2.1% (renewal-reward), so 10%.
  const double expected = 200.0 * 0.25 * 10'000.0;
  EXPECT_NEAR(static_cast<double>(a.size()) / expected, 1.0, 0.10) << a.size() << " arrivals";
}

TEST(ArrivalProcessTest, OnOffWithZeroLengthPhasesGivesUpInsteadOfSpinning) {
  ArrivalProcess::Config c = config(Pattern::OnOff, 100.0);
  c.onTime = Distribution::constant(0.0);
  c.offTime = Distribution::constant(0.0);
  ArrivalProcess process(c);
  Rng rng(1);
  process.reset(0, rng);
  EXPECT_EQ(process.next(0, rng), kTimeNever);
}

}  // namespace
}  // namespace pillars
