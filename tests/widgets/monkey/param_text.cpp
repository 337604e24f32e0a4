#include "param_text.hpp"

#include <QStringList>
#include <algorithm>
#include <cmath>
#include <vector>

namespace pillars {

namespace {

/// The upper end of "good" values: near the default, never past the schema's maximum.
double modestMax(const ParamSpec& spec, double def) {
  const double lo = std::max(spec.min, 0.0);
  return std::min(spec.max, std::max(lo + 8.0, std::abs(def) * 3.0));
}

QString number(double v) { return QString::number(v, 'g', 6); }

QString randomDurationText(MonkeyRandom& random) {
  // Every unit the reader knows, and the bare number (seconds), as people write them.
  switch (random.below(8)) {
    case 0: return QStringLiteral("%1ns").arg(random.between(0, 500000000));
    case 1: return QStringLiteral("%1us").arg(random.between(0, 5000000));
    case 2: return QStringLiteral("%1s").arg(random.between(0, 5));
    case 3: return QStringLiteral("%1").arg(number(random.unit() * 2.0));
    case 4: return QStringLiteral("%1.%2ms").arg(random.between(0, 900)).arg(random.between(0, 9));
    default: return QStringLiteral("%1ms").arg(random.between(0, 1000));
  }
}

QString positiveDurationText(MonkeyRandom& random) {
  const QString t = randomDurationText(random);
  return t.startsWith(QLatin1Char('0')) && !t.startsWith(QLatin1String("0.")) ? QStringLiteral("7ms") : t;
}

QString randomDistributionText(MonkeyRandom& random) {
  const QString a = positiveDurationText(random);
  const QString b = positiveDurationText(random);
  switch (random.below(11)) {
    case 0: return a;
    case 1: return QStringLiteral("const(%1)").arg(a);
    case 2: return QStringLiteral("exp(%1)").arg(a);
    case 3: return QStringLiteral("uniform(%1, %2)").arg(QStringLiteral("1us"), a);
    case 4: return QStringLiteral("normal(%1, %2)").arg(a, b);
    case 5: return QStringLiteral("lognormal(%1, %2)").arg(a, number(random.unit() * 2));
    case 6: return QStringLiteral("pareto(%1, %2)").arg(a, number(0.5 + random.unit() * 3));
    case 7: return QStringLiteral("erlang(%1, %2)").arg(random.between(1, 5)).arg(a);
    case 8: return QStringLiteral("gamma(%1, %2)").arg(number(0.2 + random.unit() * 4), a);
    case 9: return QStringLiteral("empirical(%1: 0.9, %2: 0.1)").arg(a, b);
    default: return QStringLiteral("zipf(%1, %2)").arg(random.between(1, 50)).arg(number(0.5 + random.unit()));
  }
}

QString badFor(const ParamSpec& spec, MonkeyRandom& random) {
  QStringList bad;
  if (std::isfinite(spec.max)) bad << number(spec.max * 10 + 1) << number(spec.max) + QStringLiteral("1");
  if (std::isfinite(spec.min)) bad << number(spec.min - 1) << number(spec.min - 1e-9);
  switch (spec.type) {
    case ParamType::Integer: bad << QStringLiteral("1.5") << QStringLiteral("9223372036854775808") << QStringLiteral("0x10") << QStringLiteral("4x"); break;
    case ParamType::Real: bad << QStringLiteral("nan") << QStringLiteral("inf") << QStringLiteral("1e309") << QStringLiteral("1,5"); break;
    case ParamType::Duration: bad << QStringLiteral("-5ms") << QStringLiteral("5 parsecs") << QStringLiteral("1e400s") << QStringLiteral("ms"); break;
    case ParamType::Boolean: bad << QStringLiteral("yes") << QStringLiteral("2") << QStringLiteral("TRUE"); break;
    case ParamType::Choice: bad << QStringLiteral("fastest") << QStringLiteral("Round_Robin") << QStringLiteral(" round_robin"); break;
    case ParamType::Distribution:
      bad << QStringLiteral("exp(-1ms)") << QStringLiteral("exp()") << QStringLiteral("uniform(5ms, 1ms)")
          << QStringLiteral("normal(1ms, -1ms)") << QStringLiteral("exp(1e308s)") << QStringLiteral("zipf(10000, 1e308)")
          << QStringLiteral("lognormal(10ms, 0.5s)") << QStringLiteral("exp(exp(1ms))") << QStringLiteral("empirical()")
          << QStringLiteral("empirical(1ms: 0, 2ms: 0)") << QStringLiteral("pareto(0ms, 1)");
      break;
  }
  if (bad.isEmpty() || random.chance(0.3)) return randomBadText(random);
  return bad.at(static_cast<qsizetype>(random.below(static_cast<std::size_t>(bad.size()))));
}

}  // namespace

QString randomBadText(MonkeyRandom& random) {
  static const std::vector<QString> garbage = {
      QString(), QStringLiteral(" "), QStringLiteral("-"), QStringLiteral("nan"), QStringLiteral("-inf"),
      QStringLiteral("1e999"), QStringLiteral("-0"), QStringLiteral("()"), QStringLiteral("\u00e9\u00e8\u4e2d"),
      QStringLiteral("1 2"), QStringLiteral("\"3\""), QStringLiteral("0.0000000000000000000001"),
      QStringLiteral("18446744073709551616"), QStringLiteral("%"), QStringLiteral("exp(1ms"),
      QStringLiteral("1ms)"), QStringLiteral("null"), QStringLiteral("{}"), QString(300, QLatin1Char('9'))};
  return random.pick(garbage);
}

QString randomBadName(MonkeyRandom& random) {
  static const std::vector<QString> names = {
      QString(), QStringLiteral(" "), QStringLiteral("has space"), QStringLiteral("a->b"), QStringLiteral("web1 "),
      QStringLiteral("#1"), QStringLiteral("z\u00fcrich"), QStringLiteral("\u4e2d"), QStringLiteral("-"),
      QStringLiteral("."), QStringLiteral("users#2"), QString(200, QLatin1Char('n')), QStringLiteral("\"quoted\""),
      QStringLiteral("a,b"), QStringLiteral("9lives")};
  return random.pick(names);
}

QString randomParamText(const ParamSpec& spec, MonkeyRandom& random) {
  if (random.chance(0.35)) return badFor(spec, random);
  switch (spec.type) {
    case ParamType::Integer: {
      const double def = static_cast<double>(std::get<std::int64_t>(spec.defaultValue));
      const auto lo = static_cast<std::int64_t>(std::max(spec.min, 0.0));
      const auto hi = static_cast<std::int64_t>(modestMax(spec, def));
      return QString::number(random.between(lo, std::max(lo, hi)));
    }
    case ParamType::Real: {
      const double def = std::get<double>(spec.defaultValue);
      const double lo = std::max(spec.min, 0.0);
      const double hi = modestMax(spec, def);
      // The ends of the range too: the schema says they are allowed.
      if (random.chance(0.1)) return number(lo);
      return number(lo + random.unit() * std::max(0.0, hi - lo));
    }
    case ParamType::Duration: return randomDurationText(random);
    case ParamType::Boolean: return random.chance(0.5) ? QStringLiteral("true") : QStringLiteral("false");
    case ParamType::Choice: return QString::fromStdString(random.pick(spec.choices));
    case ParamType::Distribution: return randomDistributionText(random);
  }
  return {};
}

}  // namespace pillars
