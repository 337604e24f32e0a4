#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "engine/sim/random.hpp"
#include "engine/util/units.hpp"

namespace pillars {
namespace {

constexpr SimTime kDay = 24 * kHour;

TEST(Units, ParseDurationSecondsAcceptsEveryUnit) {
  // Each unit scales the decimal exponent before conversion, so the results are the doubles
  // nearest to the exact decimal values, i.e. equal to the corresponding literals.
  EXPECT_EQ(parseDurationSeconds("1.5s"), 1.5);
  EXPECT_EQ(parseDurationSeconds("200ms"), 0.2);
  EXPECT_EQ(parseDurationSeconds("90s"), 90.0);
  EXPECT_EQ(parseDurationSeconds("10m"), 600.0);
  EXPECT_EQ(parseDurationSeconds("2h"), 7200.0);
  EXPECT_EQ(parseDurationSeconds("1d"), 86400.0);
  EXPECT_EQ(parseDurationSeconds("250us"), 0.00025);
  EXPECT_EQ(parseDurationSeconds("10ns"), 1e-8);
  EXPECT_EQ(parseDurationSeconds("0.1ms"), 0.0001);
  EXPECT_EQ(parseDurationSeconds("0"), 0.0);
  EXPECT_EQ(parseDurationSeconds("3e-3s"), 0.003);
  EXPECT_EQ(parseDurationSeconds("1E3ms"), 1.0);
  EXPECT_EQ(parseDurationSeconds("2.5e+1us"), 25e-6);
  EXPECT_EQ(parseDurationSeconds("5"), 5.0);
  EXPECT_EQ(parseDurationSeconds(".5s"), 0.5);
  EXPECT_EQ(parseDurationSeconds("5.s"), 5.0);
  EXPECT_EQ(parseDurationSeconds("  5ms \t"), 0.005);
  EXPECT_EQ(parseDurationSeconds("1.5 ms"), 0.0015);
}

TEST(Units, ParseDurationSecondsRejectsGarbage) {
  for (const char* text : {"",     "   ",   "-1s",     "+1s",    "-0",   "abc",      "s",   "ms",
                           "1.5x", "1.5sx", "1.5 s x", "1e",     "1e+",  "1e-s",     "e5",  ".",
                           ".s",   "1..5s", "1.5.5s",  "nan",    "inf",  "infinity", "1S",  "1Ms",
                           "1sec", "1 2s",  "1e400",   "1e-400", "0x10", "1,5s",     "5mss"}) {
    EXPECT_FALSE(parseDurationSeconds(text).has_value()) << '"' << text << '"';
  }
}

TEST(Units, ParseDurationGivesExactNanoseconds) {
  EXPECT_EQ(parseDuration("1.5ms"), 1'500'000);
  EXPECT_EQ(parseDuration("0.1ms"), 100'000);
  EXPECT_EQ(parseDuration("1ns"), 1);
  EXPECT_EQ(parseDuration("0.4ns"), 0);
  EXPECT_EQ(parseDuration("0.5ns"), 1);  // rounds to nearest, half up
  EXPECT_EQ(parseDuration("2.6ns"), 3);
  EXPECT_EQ(parseDuration("2h"), 2 * kHour);
  EXPECT_EQ(parseDuration("90s"), 90 * kSecond);
  EXPECT_EQ(parseDuration("1.000000001s"), kSecond + 1);
  // 100 days plus one nanosecond: needs 53 bits, still exact because nothing is scaled in binary.
  EXPECT_EQ(parseDuration("8640000.000000001s"), 100 * kDay + 1);
  EXPECT_EQ(parseDuration("73000d"), 73000 * kDay);   // ~199.9 years: accepted
  EXPECT_FALSE(parseDuration("80000d").has_value());  // ~219 years: rejected
  EXPECT_FALSE(parseDuration("1e30s").has_value());
  EXPECT_FALSE(parseDuration("-1ms").has_value());
  EXPECT_FALSE(parseDuration("1ms!").has_value());
}

TEST(Units, ParseNumberIsStrict) {
  EXPECT_EQ(parseNumber("0.25"), 0.25);
  EXPECT_EQ(parseNumber(" -3 "), -3.0);
  EXPECT_EQ(parseNumber("1e-3"), 0.001);
  EXPECT_EQ(parseNumber("7"), 7.0);
  for (const char* text : {"", " ", "1ms", "nan", "inf", "-inf", "1e999", "+1", "0x10", "1 2",
                           "1.5.", "--1", "1e", "abc"}) {
    EXPECT_FALSE(parseNumber(text).has_value()) << '"' << text << '"';
  }
}

TEST(Units, FormatDurationPicksReadableExactForms) {
  EXPECT_EQ(formatDuration(0), "0s");
  EXPECT_EQ(formatDuration(1), "1ns");
  EXPECT_EQ(formatDuration(999), "999ns");
  EXPECT_EQ(formatDuration(1'500), "1.5us");
  EXPECT_EQ(formatDuration(1'500'000), "1.5ms");
  EXPECT_EQ(formatDuration(250 * kMillisecond), "250ms");
  EXPECT_EQ(formatDuration(kSecond), "1s");
  EXPECT_EQ(formatDuration(1'234'567'891), "1.234567891s");
  EXPECT_EQ(formatDuration(90 * kSecond), "90s");
  EXPECT_EQ(formatDuration(600 * kSecond), "10m");
  EXPECT_EQ(formatDuration(90 * kMinute), "90m");
  EXPECT_EQ(formatDuration(2 * kHour), "2h");
  EXPECT_EQ(formatDuration(36 * kHour), "36h");
  EXPECT_EQ(formatDuration(2 * kDay), "2d");
  EXPECT_EQ(formatDuration(kDay + 1), "86400.000000001s");
  EXPECT_EQ(formatDuration(-5 * kMillisecond), "-5ms");
}

TEST(Units, FormatDurationRoundTrips) {
  for (const SimTime t : {SimTime{1}, SimTime{7}, SimTime{1'000}, SimTime{1'001}, SimTime{999'999},
                          kMillisecond, 15 * kMillisecond / 10, kSecond - 1, 90 * kSecond,
                          10 * kMinute, 2 * kHour, 3 * kDay, 100 * kDay + 1}) {
    EXPECT_EQ(parseDuration(formatDuration(t)), t) << formatDuration(t);
  }
  // Random whole-nanosecond values below 2^53 ns (~104 days) must all round-trip exactly.
  Rng rng(7);
  for (int i = 0; i < 20000; ++i) {
    const auto t = static_cast<SimTime>(rng.next() >> (11 + rng.below(40)));
    ASSERT_EQ(parseDuration(formatDuration(t)), t) << formatDuration(t);
  }
}

TEST(Units, FormatSecondsPicksReadableForms) {
  EXPECT_EQ(formatSeconds(0.0), "0s");
  EXPECT_EQ(formatSeconds(0.0015), "1.5ms");
  EXPECT_EQ(formatSeconds(0.2), "200ms");
  EXPECT_EQ(formatSeconds(0.005), "5ms");
  EXPECT_EQ(formatSeconds(0.00025), "250us");
  EXPECT_EQ(formatSeconds(1e-8), "10ns");
  EXPECT_EQ(formatSeconds(1.5), "1.5s");
  EXPECT_EQ(formatSeconds(90.0), "90s");
  EXPECT_EQ(formatSeconds(600.0), "10m");
  EXPECT_EQ(formatSeconds(7200.0), "2h");
  EXPECT_EQ(formatSeconds(86400.0), "1d");
  EXPECT_EQ(formatSeconds(123.456), "123.456s");
  EXPECT_EQ(formatSeconds(-0.005), "-5ms");
  EXPECT_EQ(formatSeconds(1e-12), "1e-12s");
  EXPECT_EQ(formatSeconds(std::numeric_limits<double>::infinity()), "inf");
}

TEST(Units, FormatSecondsRoundTripsEveryDouble) {
  for (const double s :
       {0.0, 0.1, 1.0 / 3.0, 0.0001, 59.999999999999993, 60.000000000000007, 600.0000000000001,
        1e-300, 5e-324, 1e300, std::numeric_limits<double>::max()}) {
    EXPECT_EQ(parseDurationSeconds(formatSeconds(s)), s) << formatSeconds(s);
  }
  // Random bit patterns cover every exponent; random "nice" decimals cover the unit choice.
  Rng rng(11);
  for (int i = 0; i < 100000; ++i) {
    const double s = std::bit_cast<double>(rng.next() >> 1);  // positive, any exponent
    if (!std::isfinite(s)) continue;
    ASSERT_EQ(parseDurationSeconds(formatSeconds(s)), s) << formatSeconds(s);
  }
  for (int i = 0; i < 100000; ++i) {
    const double s = static_cast<double>(rng.below(1'000'000)) *
                     std::pow(10.0, -static_cast<int>(rng.below(12)));
    ASSERT_EQ(parseDurationSeconds(formatSeconds(s)), s) << formatSeconds(s);
  }
}

TEST(Units, FormatNumberRoundTrips) {
  EXPECT_EQ(formatNumber(0.5), "0.5");
  EXPECT_EQ(formatNumber(-3.0), "-3");
  EXPECT_EQ(formatNumber(1e-5), "1e-05");
  Rng rng(3);
  for (int i = 0; i < 100000; ++i) {
    const double x = std::bit_cast<double>(rng.next());
    if (!std::isfinite(x)) continue;
    ASSERT_EQ(parseNumber(formatNumber(x)), x) << formatNumber(x);
  }
}

}  // namespace
}  // namespace pillars
