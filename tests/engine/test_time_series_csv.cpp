// Reading back the CSV a TimeSeries writes: a project keeps its last run's series as that text,
// and what comes back must be the very series that was run.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "engine/metrics/time_series.hpp"
#include "engine/metrics/time_series_csv.hpp"

namespace pillars {
namespace {

TEST(TimeSeriesCsv, ReadsBackExactlyWhatWasWritten) {
  // Awkward names (quotes, commas), the extreme times, missing values, infinities and values
  // that print with 17 significant digits.
  TimeSeries written({"plain", "with,comma", "with \"quote\"", "web#1.up"});
  const double nan = std::nan("");
  const double inf = std::numeric_limits<double>::infinity();
  written.append(std::numeric_limits<SimTime>::min(), {0.1, -0.0, nan, 1e-300});
  written.append(0, {1.0 / 3.0, inf, -inf, 5e307});
  written.append(1, {nan, nan, nan, nan});
  written.append(1'500'000'000, {42, 0, 1, 2});
  written.append(std::numeric_limits<SimTime>::max(), {std::numeric_limits<double>::denorm_min(), 1, 2, 3});
  std::string error;
  const auto back = readTimeSeriesCsv(written.csv(), &error);
  ASSERT_TRUE(back.has_value()) << error;
  EXPECT_EQ(*back, written);
  EXPECT_EQ(back->csv(), written.csv());
  EXPECT_TRUE(std::signbit(back->value(0, 1)));  // -0 stays -0
  EXPECT_EQ(back->columnIndex("with,comma"), 1u);
}

TEST(TimeSeriesCsv, EqualityTreatsMissingValuesAsEqualAndNumbersExactly) {
  TimeSeries a({"x"}), b({"x"}), c({"x"});
  a.append(kSecond, {std::nan("")});
  b.append(kSecond, {-std::nan("")});
  c.append(kSecond, {0.0});
  EXPECT_EQ(a, b);
  EXPECT_FALSE(a == c);
}

TEST(TimeSeriesCsv, AHeaderAloneIsAnEmptySeries) {
  const auto series = readTimeSeriesCsv("time_s,a,b\n");
  ASSERT_TRUE(series.has_value());
  EXPECT_EQ(series->columnCount(), 2u);
  EXPECT_EQ(series->rowCount(), 0u);
}

TEST(TimeSeriesCsv, ColumnIndexFindsTheFirstOfARepeatedNameAndColumnsAddedLater) {
  TimeSeries series({"a", "b", "a"});
  EXPECT_EQ(series.columnIndex("a"), 0u);
  const std::string added[] = {"c", "b"};
  series.addColumns(added);
  EXPECT_EQ(series.columnIndex("c"), 3u);
  EXPECT_EQ(series.columnIndex("b"), 1u);
  EXPECT_FALSE(series.columnIndex("d").has_value());
}

struct BadCsv {
  const char* text;
  const char* error;
};

class TimeSeriesCsvErrors : public testing::TestWithParam<BadCsv> {};

TEST_P(TimeSeriesCsvErrors, NameTheLineTheColumnAndWhatWasExpected) {
  std::string error;
  EXPECT_FALSE(readTimeSeriesCsv(GetParam().text, &error).has_value());
  EXPECT_EQ(error, GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TimeSeriesCsvErrors,
    testing::Values(
        BadCsv{"", "line 1: expected the header 'time_s,...', found nothing"},
        BadCsv{"t,a\n1,2\n", "line 1: expected the header 'time_s,...', found 't,a'"},
        BadCsv{"time_s,\"a\n", "line 1: a quoted cell is not closed"},
        BadCsv{"time_s,a\n1,2,3\n", "line 2: expected 2 cells as in the header, found 3"},
        BadCsv{"time_s,a\n1,2\n\n", "line 3: expected 2 cells as in the header, found 1"},
        BadCsv{"time_s,a\n1.5e3,2\n", "line 2: column 1 (time_s): expected seconds with at most 9 decimals, found '1.5e3'"},
        BadCsv{"time_s,a\n0.0000000001,2\n",
               "line 2: column 1 (time_s): expected seconds with at most 9 decimals, found '0.0000000001'"},
        BadCsv{"time_s,a\n9223372037,2\n",
               "line 2: column 1 (time_s): expected seconds with at most 9 decimals, found '9223372037'"},
        BadCsv{"time_s,a\n1.,2\n", "line 2: column 1 (time_s): expected seconds with at most 9 decimals, found '1.'"},
        BadCsv{"time_s,web.up\n1,yes\n", "line 2: column 2 (web.up): expected a number or an empty cell, found 'yes'"},
        BadCsv{"time_s,a\n1,2 \n", "line 2: column 2 (a): expected a number or an empty cell, found '2 '"}));

}  // namespace
}  // namespace pillars
