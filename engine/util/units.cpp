#include "engine/util/units.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <system_error>

namespace pillars {

namespace {

constexpr SimTime kDay = 24 * kHour;
// ~200 years: far beyond any sensible simulation, still well inside SimTime's 292-year range.
constexpr double kMaxDurationNanos = 200.0 * 365.25 * 86400.0 * 1e9;

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string integerText(std::int64_t value) {
  char buf[32];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, result.ptr);
}

// An unsigned decimal as written: significand text ("1.5", ".5", "12") and a decimal exponent.
// Keeping the text lets unit scaling adjust the exponent instead of multiplying a rounded double.
struct Decimal {
  std::string_view significand;
  std::int64_t exponent = 0;
};

// Scans an unsigned decimal at the front of `text` and removes it from `text`.
std::optional<Decimal> scanDecimal(std::string_view& text) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  std::size_t digits = 0;
  while (i < n && isDigit(text[i])) {
    ++i;
    ++digits;
  }
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && isDigit(text[i])) {
      ++i;
      ++digits;
    }
  }
  if (digits == 0) return std::nullopt;
  Decimal decimal{text.substr(0, i), 0};
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    bool negative = false;
    if (j < n && (text[j] == '+' || text[j] == '-')) {
      negative = text[j] == '-';
      ++j;
    }
    if (j >= n || !isDigit(text[j])) return std::nullopt;  // "1e", "1e+" are malformed
    std::int64_t exponent = 0;
    while (j < n && isDigit(text[j])) {
      // Saturate: anything this large over- or underflows a double anyway.
      if (exponent < 100000) exponent = exponent * 10 + (text[j] - '0');
      ++j;
    }
    decimal.exponent = negative ? -exponent : exponent;
    i = j;
  }
  text.remove_prefix(i);
  return decimal;
}

// Correctly rounded double nearest to significand * 10^(exponent + shift); nullopt when the
// value over- or underflows.
std::optional<double> decimalValue(const Decimal& decimal, int shift) {
  std::string buf(decimal.significand);
  buf += 'e';
  buf += integerText(decimal.exponent + shift);
  double value = 0.0;
  const char* end = buf.data() + buf.size();
  const auto result = std::from_chars(buf.data(), end, value);
  if (result.ec != std::errc() || result.ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

struct Unit {
  std::string_view name;
  int powerOfTen;     // applied to the decimal exponent (exact)
  double multiplier;  // applied after conversion (minutes, hours, days)
};

constexpr Unit kSecondsUnit{"s", 0, 1.0};
constexpr Unit kUnits[] = {
    {"ns", -9, 1.0}, {"us", -6, 1.0},  {"ms", -3, 1.0},   kSecondsUnit,
    {"m", 0, 60.0},  {"h", 0, 3600.0}, {"d", 0, 86400.0},
};

struct DurationText {
  Decimal number;
  Unit unit;
};

std::optional<DurationText> scanDuration(std::string_view text) {
  text = trim(text);
  const std::optional<Decimal> number = scanDecimal(text);
  if (!number) return std::nullopt;
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  if (text.empty()) return DurationText{*number, kSecondsUnit};
  for (const Unit& unit : kUnits) {
    if (text == unit.name) return DurationText{*number, unit};
  }
  return std::nullopt;
}

// Places a decimal point in `digits` so the text means digits * 10^power.
std::string placeDecimalPoint(const std::string& digits, std::int64_t power) {
  if (power >= 0) return digits + std::string(static_cast<std::size_t>(power), '0');
  const auto length = static_cast<std::int64_t>(digits.size());
  const std::int64_t pointAt = length + power;
  if (pointAt > 0) {
    const auto at = static_cast<std::size_t>(pointAt);
    return digits.substr(0, at) + "." + digits.substr(at);
  }
  std::string text = "0.";
  text.append(static_cast<std::size_t>(-pointAt), '0');
  text += digits;
  return text;
}

}  // namespace

std::optional<double> parseNumber(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, value);
  if (result.ec != std::errc() || result.ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<double> parseDurationSeconds(std::string_view text) {
  const std::optional<DurationText> parsed = scanDuration(text);
  if (!parsed) return std::nullopt;
  const std::optional<double> value = decimalValue(parsed->number, parsed->unit.powerOfTen);
  if (!value) return std::nullopt;
  const double seconds = *value * parsed->unit.multiplier;
  if (!std::isfinite(seconds)) return std::nullopt;
  return seconds;
}

std::optional<SimTime> parseDuration(std::string_view text) {
  const std::optional<DurationText> parsed = scanDuration(text);
  if (!parsed) return std::nullopt;
  // Convert straight to nanoseconds so whole-nanosecond decimals are exact.
  const std::optional<double> value = decimalValue(parsed->number, parsed->unit.powerOfTen + 9);
  if (!value) return std::nullopt;
  const double nanos = *value * parsed->unit.multiplier;
  if (!(nanos <= kMaxDurationNanos)) return std::nullopt;
  // Round half up; below 2^52 the fraction is exact, above it there is none.
  auto whole = static_cast<SimTime>(nanos);
  if (nanos - static_cast<double>(whole) >= 0.5) ++whole;
  return whole;
}

std::string formatDuration(SimTime duration) {
  if (duration == 0) return "0s";
  std::string sign;
  auto magnitude = static_cast<std::uint64_t>(duration);
  if (duration < 0) {
    sign = "-";
    magnitude = 0 - magnitude;  // well defined for the most negative value too
  }
  struct WholeUnit {
    std::uint64_t nanos;
    const char* name;
  };
  constexpr WholeUnit kWholeUnits[] = {{kDay, "d"}, {kHour, "h"}, {kMinute, "m"}};
  for (const WholeUnit& unit : kWholeUnits) {
    if (magnitude % unit.nanos == 0) {
      return sign + integerText(static_cast<std::int64_t>(magnitude / unit.nanos)) + unit.name;
    }
  }
  std::uint64_t unitNanos = 1;
  int fractionDigits = 0;
  const char* name = "ns";
  if (magnitude >= kSecond) {
    unitNanos = kSecond;
    fractionDigits = 9;
    name = "s";
  } else if (magnitude >= kMillisecond) {
    unitNanos = kMillisecond;
    fractionDigits = 6;
    name = "ms";
  } else if (magnitude >= kMicrosecond) {
    unitNanos = kMicrosecond;
    fractionDigits = 3;
    name = "us";
  }
  std::string text = integerText(static_cast<std::int64_t>(magnitude / unitNanos));
  std::uint64_t fraction = magnitude % unitNanos;
  if (fraction != 0) {
    std::string digits(static_cast<std::size_t>(fractionDigits), '0');
    for (int i = fractionDigits - 1; i >= 0; --i) {
      digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + fraction % 10);
      fraction /= 10;
    }
    while (digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return sign + text + name;
}

std::string formatSeconds(double seconds) {
  if (seconds != seconds) return "nan";
  if (seconds == std::numeric_limits<double>::infinity()) return "inf";
  if (seconds == -std::numeric_limits<double>::infinity()) return "-inf";
  if (seconds == 0.0) return "0s";
  if (seconds < 0.0) {
    // Appended rather than "-" + ...: that form trips a GCC 12 -Wrestrict false positive.
    std::string text = "-";
    text += formatSeconds(-seconds);
    return text;
  }

  // Whole days, hours or minutes read best in the large unit; the product check guarantees
  // that parsing multiplies back to exactly the same double.
  if (seconds >= 60.0 && seconds < 0x1p53) {
    for (const Unit& unit : {kUnits[6], kUnits[5], kUnits[4]}) {
      const double count = seconds / unit.multiplier;
      const auto whole = static_cast<std::int64_t>(count);
      if (static_cast<double>(whole) == count && count * unit.multiplier == seconds) {
        return integerText(whole) + std::string(unit.name);
      }
    }
  }

  // Shortest round-trip digits, then move the decimal point textually into the unit. Parsing
  // shifts the decimal exponent back, so it reads exactly the same digits and the same double.
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, seconds, std::chars_format::scientific);
  const std::string_view scientific(buf, static_cast<std::size_t>(result.ptr - buf));
  const std::size_t ePos = scientific.find('e');
  std::string digits;
  for (const char c : scientific.substr(0, ePos)) {
    if (c != '.') digits += c;
  }
  std::int64_t leadExponent = 0;  // decimal exponent of the first digit
  const std::string_view exponentText = scientific.substr(ePos + 1);
  const char* expBegin = exponentText.data() + (exponentText.front() == '+' ? 1 : 0);
  std::from_chars(expBegin, exponentText.data() + exponentText.size(), leadExponent);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const std::int64_t power = leadExponent - static_cast<std::int64_t>(digits.size() - 1);

  if (leadExponent > 15 || leadExponent < -9) {
    return formatNumber(seconds) + "s";  // absurdly large or tiny: plain scientific seconds
  }
  // Largest unit (s, ms, us or ns) that leaves at least one integer digit.
  int unitPower = 0;
  while (leadExponent < unitPower) unitPower -= 3;
  static constexpr std::string_view kUnitNames[] = {"s", "ms", "us", "ns"};
  const std::string_view unitName = kUnitNames[-unitPower / 3];
  return placeDecimalPoint(digits, power - unitPower) + std::string(unitName);
}

std::string formatNumber(double value) {
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, result.ptr);
}

}  // namespace pillars
