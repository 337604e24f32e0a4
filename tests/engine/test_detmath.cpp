#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

#include "engine/sim/detmath.hpp"
#include "engine/sim/random.hpp"

namespace pillars {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxUlps = 2.0;

// Distance in units in the last place, via the monotonic integer ordering of doubles.
double ulpDistance(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return 0.0;
  if (std::isnan(a) || std::isnan(b)) return kInf;
  if (a == b) return 0.0;  // also +0 == -0
  auto ordered = [](double x) {
    const auto bits = std::bit_cast<std::int64_t>(x);
    return bits < 0 ? std::numeric_limits<std::int64_t>::min() - bits : bits;
  };
  const std::int64_t ia = ordered(a);
  const std::int64_t ib = ordered(b);
  return static_cast<double>(ia > ib
                                 ? static_cast<std::uint64_t>(ia) - static_cast<std::uint64_t>(ib)
                                 : static_cast<std::uint64_t>(ib) - static_cast<std::uint64_t>(ia));
}

// Largest ulp distance between ours and std over `count` generated inputs.
struct Worst {
  double ulps = 0.0;
  double input = 0.0;
};

Worst compare(const std::function<double(double)>& ours,
              const std::function<double(double)>& reference,
              const std::function<double(Rng&)>& generate, int count, std::uint64_t seed) {
  Rng rng(seed);
  Worst worst;
  for (int i = 0; i < count; ++i) {
    const double x = generate(rng);
    const double d = ulpDistance(ours(x), reference(x));
    if (d > worst.ulps) worst = {d, x};
  }
  return worst;
}

// Uniform on a log scale between 2^lowExp and 2^highExp, either sign if `signedValues`.
double logScale(Rng& rng, int lowExp, int highExp, bool signedValues) {
  const double e =
      static_cast<double>(lowExp) + rng.uniform01() * static_cast<double>(highExp - lowExp);
  const double magnitude = std::exp2(e);
  return signedValues && (rng.next() & 1) != 0 ? -magnitude : magnitude;
}

double anyPositiveFinite(Rng& rng) {
  for (;;) {
    const double x = std::bit_cast<double>(rng.next() >> 1);
    if (std::isfinite(x) && x > 0.0) return x;
  }
}

constexpr int kCount = 100000;

TEST(DetMath, LogWithinTwoUlpsOfStd) {
  auto ours = [](double x) { return detmath::log(x); };
  auto ref = [](double x) { return std::log(x); };
  // Bit patterns: every exponent including subnormals and huge values.
  Worst w = compare(ours, ref, anyPositiveFinite, kCount, 1);
  EXPECT_LE(w.ulps, kMaxUlps) << "at " << w.input;
  // Near 1, where the result is small and cancellation would show.
  w = compare(
      ours, ref, [](Rng& r) { return 0.9 + 0.2 * r.uniform01(); }, kCount, 2);
  EXPECT_LE(w.ulps, kMaxUlps) << "at " << w.input;
  w = compare(
      ours, ref, [](Rng& r) { return 1.0 + logScale(r, -52, -8, true); }, kCount, 3);
  EXPECT_LE(w.ulps, kMaxUlps) << "at " << w.input;
  // The sampling use: log of uniforms in (0, 1].
  w = compare(
      ours, ref, [](Rng& r) { return r.uniformOpen01(); }, kCount, 4);
  EXPECT_LE(w.ulps, kMaxUlps) << "at " << w.input;
}

TEST(DetMath, LogEdgeCases) {
  EXPECT_EQ(detmath::log(1.0), 0.0);
  EXPECT_FALSE(std::signbit(detmath::log(1.0)));
  EXPECT_EQ(detmath::log(0.0), -kInf);
  EXPECT_EQ(detmath::log(-0.0), -kInf);
  EXPECT_TRUE(std::isnan(detmath::log(-1.0)));
  EXPECT_TRUE(std::isnan(detmath::log(-kInf)));
  EXPECT_TRUE(std::isnan(detmath::log(std::nan(""))));
  EXPECT_EQ(detmath::log(kInf), kInf);
  for (const double x :
       {std::numeric_limits<double>::denorm_min(), 1e-310, std::numeric_limits<double>::min(),
        std::numeric_limits<double>::max(), std::nextafter(1.0, 0.0), std::nextafter(1.0, 2.0), 2.0,
        0.5, 10.0, std::exp(1.0), 0x1.fffffffffffffp-1, 1.9999999999999998}) {
    EXPECT_LE(ulpDistance(detmath::log(x), std::log(x)), kMaxUlps) << x;
  }
}

TEST(DetMath, Log1pWithinTwoUlpsOfStd) {
  auto ours = [](double x) { return detmath::log1p(x); };
  auto ref = [](double x) { return std::log1p(x); };
  Worst w = compare(
      ours, ref, [](Rng& r) { return logScale(r, -60, 0, true) * 0.999; }, kCount, 5);
  EXPECT_LE(w.ulps, kMaxUlps) << "at " << w.input;
  w = compare(ours, ref, anyPositiveFinite, kCount, 6);
  EXPECT_LE(w.ulps, kMaxUlps) << "at " << w.input;
  EXPECT_EQ(detmath::log1p(0.0), 0.0);
  EXPECT_EQ(detmath::log1p(-1.0), -kInf);
  EXPECT_TRUE(std::isnan(detmath::log1p(-2.0)));
  EXPECT_EQ(detmath::log1p(1e-300), 1e-300);
}

TEST(DetMath, ExpWithinTwoUlpsOfStd) {
  auto ours = [](double x) { return detmath::exp(x); };
  auto ref = [](double x) { return std::exp(x); };
  // Full range including results deep in the subnormals.
  Worst w = compare(
      ours, ref, [](Rng& r) { return -745.0 + 1454.7 * r.uniform01(); }, kCount, 7);
  EXPECT_LE(w.ulps, kMaxUlps) << "at " << w.input;
  w = compare(
      ours, ref, [](Rng& r) { return logScale(r, -60, 3, true); }, kCount, 8);
  EXPECT_LE(w.ulps, kMaxUlps) << "at " << w.input;
}

TEST(DetMath, ExpEdgeCases) {
  EXPECT_EQ(detmath::exp(0.0), 1.0);
  EXPECT_EQ(detmath::exp(-0.0), 1.0);
  EXPECT_EQ(detmath::exp(710.0), kInf);
  EXPECT_EQ(detmath::exp(1e300), kInf);
  EXPECT_EQ(detmath::exp(kInf), kInf);
  EXPECT_EQ(detmath::exp(-746.0), 0.0);
  EXPECT_EQ(detmath::exp(-1e300), 0.0);
  EXPECT_EQ(detmath::exp(-kInf), 0.0);
  EXPECT_TRUE(std::isnan(detmath::exp(std::nan(""))));
  // Largest finite result and the underflow boundary (2^-1074 is the smallest subnormal).
  for (const double x :
       {709.782712893384, 709.78, -708.39, -709.0, -744.0, -745.13, -745.1332191019411, 1.0, -1.0,
        0.5, 1e-20, -1e-20, 0.34657359027997264, -0.34657359027997264}) {
    EXPECT_LE(ulpDistance(detmath::exp(x), std::exp(x)), kMaxUlps) << x;
  }
  EXPECT_TRUE(std::isfinite(detmath::exp(709.782712893384)));
}

TEST(DetMath, Expm1WithinTwoUlpsOfStd) {
  auto ours = [](double x) { return detmath::expm1(x); };
  auto ref = [](double x) { return std::expm1(x); };
  Worst w = compare(
      ours, ref, [](Rng& r) { return -50.0 + 759.0 * r.uniform01(); }, kCount, 9);
  EXPECT_LE(w.ulps, kMaxUlps) << "at " << w.input;
  w = compare(
      ours, ref, [](Rng& r) { return logScale(r, -60, 2, true); }, kCount, 10);
  EXPECT_LE(w.ulps, kMaxUlps) << "at " << w.input;
  EXPECT_EQ(detmath::expm1(0.0), 0.0);
  EXPECT_EQ(detmath::expm1(-100.0), -1.0);
  EXPECT_EQ(detmath::expm1(1000.0), kInf);
}

TEST(DetMath, SinCosWithinTwoUlpsOfStd) {
  auto sinOurs = [](double x) { return detmath::sin(x); };
  auto sinRef = [](double x) { return std::sin(x); };
  auto cosOurs = [](double x) { return detmath::cos(x); };
  auto cosRef = [](double x) { return std::cos(x); };
  auto wide = [](Rng& r) { return (2.0 * r.uniform01() - 1.0) * 1e6; };
  auto boxMuller = [](Rng& r) { return 6.283185307179586 * r.uniform01(); };
  auto small = [](Rng& r) { return logScale(r, -40, 0, true); };
  for (const auto& generate :
       {std::function<double(Rng&)>(wide), std::function<double(Rng&)>(boxMuller),
        std::function<double(Rng&)>(small)}) {
    Worst w = compare(sinOurs, sinRef, generate, kCount, 11);
    EXPECT_LE(w.ulps, kMaxUlps) << "sin at " << w.input;
    w = compare(cosOurs, cosRef, generate, kCount, 12);
    EXPECT_LE(w.ulps, kMaxUlps) << "cos at " << w.input;
  }
}

TEST(DetMath, SinCosNearMultiplesOfHalfPi) {
  // The arguments that stress argument reduction: doubles next to k*pi/2. k = 29 and
  // k = 204551 are the worst cases below 2^20 (the result cancels to ~2^-60 and ~k*2^-72).
  Rng rng(13);
  for (int i = 0; i < 20000; ++i) {
    const double k = i < 2 ? (i == 0 ? 29.0 : 204551.0) : static_cast<double>(rng.below(600000));
    double x = k * 1.5707963267948966;
    for (int step = 0; step < 3; ++step) {
      ASSERT_LE(ulpDistance(detmath::sin(x), std::sin(x)), kMaxUlps) << x;
      ASSERT_LE(ulpDistance(detmath::cos(x), std::cos(x)), kMaxUlps) << x;
      x = std::nextafter(x, kInf);
    }
  }
}

TEST(DetMath, SinCosEdgeCases) {
  EXPECT_EQ(detmath::sin(0.0), 0.0);
  EXPECT_TRUE(std::signbit(detmath::sin(-0.0)));
  EXPECT_EQ(detmath::cos(0.0), 1.0);
  EXPECT_EQ(detmath::sin(1e-300), 1e-300);
  EXPECT_TRUE(std::isnan(detmath::sin(kInf)));
  EXPECT_TRUE(std::isnan(detmath::cos(-kInf)));
  EXPECT_TRUE(std::isnan(detmath::sin(std::nan(""))));
  // Beyond the accurate range the values may drift but must stay in [-1, 1].
  Rng rng(14);
  for (int i = 0; i < 20000; ++i) {
    const double x = logScale(rng, 20, 1023, true);
    const double s = detmath::sin(x);
    const double c = detmath::cos(x);
    ASSERT_TRUE(s >= -1.0 && s <= 1.0) << x;
    ASSERT_TRUE(c >= -1.0 && c <= 1.0) << x;
  }
  EXPECT_LE(std::fabs(detmath::sin(std::numeric_limits<double>::max())), 1.0);
}

TEST(DetMath, PowWithinTwoUlpsOfStd) {
  Rng rng(15);
  auto check = [&](double x, double y) {
    const double ours = detmath::pow(x, y);
    const double ref = std::pow(x, y);
    EXPECT_LE(ulpDistance(ours, ref), kMaxUlps) << x << "^" << y;
  };
  for (int i = 0; i < kCount; ++i)
    check(100.0 * rng.uniformOpen01(), 20.0 * rng.uniform01() - 10.0);
  // Large y * log(x): the double-double logarithm is what keeps these within an ulp.
  for (int i = 0; i < kCount; ++i)
    check(1.0 + (rng.uniform01() - 0.5) * 1e-3, (rng.uniform01() - 0.5) * 1e6);
  for (int i = 0; i < kCount; ++i)
    check(logScale(rng, -1000, 1000, false), 4.0 * rng.uniform01() - 2.0);
  // Negative bases with integral exponents.
  for (int i = 0; i < 10000; ++i) {
    check(-10.0 * rng.uniformOpen01(),
          static_cast<double>(static_cast<std::int64_t>(rng.below(201)) - 100));
  }
}

TEST(DetMath, PowSpecialCases) {
  const double nan = std::nan("");
  EXPECT_EQ(detmath::pow(2.0, 0.0), 1.0);
  EXPECT_EQ(detmath::pow(nan, 0.0), 1.0);
  EXPECT_EQ(detmath::pow(1.0, nan), 1.0);
  EXPECT_EQ(detmath::pow(1.0, kInf), 1.0);
  EXPECT_TRUE(std::isnan(detmath::pow(nan, 1.0)));
  EXPECT_TRUE(std::isnan(detmath::pow(2.0, nan)));
  EXPECT_EQ(detmath::pow(0.0, 2.0), 0.0);
  EXPECT_EQ(detmath::pow(0.0, -1.0), kInf);
  EXPECT_EQ(detmath::pow(-0.0, -1.0), -kInf);
  EXPECT_EQ(detmath::pow(-0.0, -2.0), kInf);
  EXPECT_TRUE(std::signbit(detmath::pow(-0.0, 3.0)));
  EXPECT_FALSE(std::signbit(detmath::pow(-0.0, 0.5)));
  EXPECT_TRUE(std::isnan(detmath::pow(-8.0, 1.0 / 3.0)));
  EXPECT_EQ(detmath::pow(-2.0, 3.0), -8.0);
  EXPECT_EQ(detmath::pow(-2.0, 4.0), 16.0);
  EXPECT_EQ(detmath::pow(-1.0, kInf), 1.0);
  EXPECT_EQ(detmath::pow(0.5, kInf), 0.0);
  EXPECT_EQ(detmath::pow(0.5, -kInf), kInf);
  EXPECT_EQ(detmath::pow(2.0, kInf), kInf);
  EXPECT_EQ(detmath::pow(2.0, -kInf), 0.0);
  EXPECT_EQ(detmath::pow(kInf, 0.5), kInf);
  EXPECT_EQ(detmath::pow(kInf, -0.5), 0.0);
  EXPECT_EQ(detmath::pow(-kInf, 3.0), -kInf);
  EXPECT_EQ(detmath::pow(-kInf, -3.0), -0.0);
  EXPECT_EQ(detmath::pow(2.0, 1024.0), kInf);
  EXPECT_EQ(detmath::pow(2.0, -1075.0), 0.0);
  EXPECT_EQ(detmath::pow(2.0, -1074.0), std::numeric_limits<double>::denorm_min());
  EXPECT_EQ(detmath::pow(2.0, 10.0), 1024.0);
  EXPECT_EQ(detmath::pow(10.0, 2.0), 100.0);
  EXPECT_EQ(detmath::pow(9.0, 0.5), 3.0);
}

TEST(DetMath, PinnedValuesAreBitExact) {
  // These bit patterns are the contract: any platform or refactoring that changes them changes
  // simulation results. (They also equal the correctly rounded values.)
  EXPECT_EQ(detmath::log(0.1), -0x1.26bb1bbb55515p+1);
  EXPECT_EQ(detmath::exp(1.5), 0x1.1ed3fe64fc541p+2);
  EXPECT_EQ(detmath::sin(100.0), -0x1.03425b78c4db8p-1);
  EXPECT_EQ(detmath::cos(1e5), -0x1.ffac3841b3da7p-1);
  EXPECT_EQ(detmath::pow(3.7, 2.2), 0x1.1c8dab7831d8p+4);
  EXPECT_EQ(detmath::log1p(1e-10), 0x1.b7cdfd9d1d693p-34);
  EXPECT_EQ(detmath::expm1(1e-10), 0x1.b7cdfd9dda4e3p-34);
  // Outside the accurate sine range the value is arbitrary but must still be reproducible.
  EXPECT_EQ(detmath::sin(1e22), -0x1.bb94b17c26a23p-1);
}

}  // namespace
}  // namespace pillars
