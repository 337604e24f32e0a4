#include "engine/model/param.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "engine/util/units.hpp"

namespace pillars {

namespace {

std::string quoteList(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += '"' + items[i] + '"';
  }
  return out;
}

std::string rangeText(double min, double max, bool durations) {
  const auto show = [durations](double v) {
    if (durations) return formatSeconds(v);
    // Integral bounds read best as integers: "1000000", not "1e+06".
    if (v == std::floor(v) && std::fabs(v) < 1e18) return std::to_string(static_cast<long long>(v));
    return formatNumber(v);
  };
  const bool hasMin = std::isfinite(min);
  const bool hasMax = std::isfinite(max);
  if (hasMin && hasMax) return " from " + show(min) + " to " + show(max);
  if (hasMin) return " >= " + show(min);
  if (hasMax) return " <= " + show(max);
  return "";
}

/// Durations are never negative and never absurd: a time distribution whose values are
/// negative, or whose values or mean exceed 200 years, is a typo, not a model.
std::string checkDurationDistribution(const Distribution& d) {
  constexpr double kMaxSeconds = 200.0 * 365.25 * 86400.0;
  const auto within = [&](double v) { return v >= 0.0 && v <= kMaxSeconds; };
  using K = Distribution::Kind;
  switch (d.kind()) {
    case K::Constant:
    case K::Uniform:
      for (std::size_t i = 0; i < d.parameterCount(); ++i) {
        if (!within(d.parameter(i))) {
          return "durations must be between 0s and 200 years, got " + d.toString(Distribution::Dimension::Duration);
        }
      }
      return {};
    case K::Empirical:
      for (const double v : d.values()) {
        if (!within(v)) {
          return "durations must be between 0s and 200 years, got " + d.toString(Distribution::Dimension::Duration);
        }
      }
      return {};
    case K::Pareto:
      // Heavy tails may have an infinite mean; the scale must still be a sane duration.
      if (!within(d.parameter(0))) return "the Pareto scale must be a duration between 0s and 200 years";
      return {};
    default:
      if (!within(d.mean())) {
        return "the mean duration must be between 0s and 200 years, got " + d.toString(Distribution::Dimension::Duration);
      }
      return {};
  }
}

}  // namespace

namespace {

ParamSpec makeSpec(std::string name, ParamType type, ParamValue def, std::string unit,
                   std::string description) {
  ParamSpec s;
  s.name = std::move(name);
  s.type = type;
  s.defaultValue = std::move(def);
  s.unit = std::move(unit);
  s.description = std::move(description);
  return s;
}

}  // namespace

ParamSpec integerParam(std::string name, std::int64_t def, double min, double max,
                       std::string unit, std::string description) {
  ParamSpec s = makeSpec(std::move(name), ParamType::Integer, def, std::move(unit),
                         std::move(description));
  s.min = min;
  s.max = max;
  return s;
}

ParamSpec realParam(std::string name, double def, double min, double max, std::string unit,
                    std::string description) {
  ParamSpec s =
      makeSpec(std::move(name), ParamType::Real, def, std::move(unit), std::move(description));
  s.min = min;
  s.max = max;
  return s;
}

ParamSpec durationParam(std::string name, SimTime def, std::string description,
                        double minSeconds) {
  ParamSpec s = makeSpec(std::move(name), ParamType::Duration, std::int64_t{def}, "s",
                         std::move(description));
  s.min = minSeconds;
  return s;
}

ParamSpec booleanParam(std::string name, bool def, std::string description) {
  return makeSpec(std::move(name), ParamType::Boolean, def, "", std::move(description));
}

ParamSpec choiceParam(std::string name, std::string def, std::vector<std::string> choices,
                      std::string description) {
  ParamSpec s = makeSpec(std::move(name), ParamType::Choice, std::move(def), "",
                         std::move(description));
  s.choices = std::move(choices);
  return s;
}

ParamSpec distributionParam(std::string name, Distribution def, Distribution::Dimension dim,
                            std::string unit, std::string description) {
  ParamSpec s = makeSpec(std::move(name), ParamType::Distribution, std::move(def),
                         std::move(unit), std::move(description));
  s.dimension = dim;
  return s;
}

std::string_view paramTypeName(ParamType type) {
  switch (type) {
    case ParamType::Integer: return "integer";
    case ParamType::Real: return "number";
    case ParamType::Duration: return "duration";
    case ParamType::Boolean: return "boolean";
    case ParamType::Choice: return "choice";
    case ParamType::Distribution: return "distribution";
  }
  return "value";
}

std::string describeExpected(const ParamSpec& spec) {
  switch (spec.type) {
    case ParamType::Integer: return "an integer" + rangeText(spec.min, spec.max, false);
    case ParamType::Real: return "a number" + rangeText(spec.min, spec.max, false);
    case ParamType::Duration:
      return "a duration such as \"250ms\", \"90s\" or \"10m\"" +
             rangeText(spec.min, spec.max, true);
    case ParamType::Boolean: return "true or false";
    case ParamType::Choice: return "one of " + quoteList(spec.choices);
    case ParamType::Distribution:
      return spec.dimension == Distribution::Dimension::Duration
                 ? "a duration distribution such as \"exp(20ms)\", \"lognormal(10ms, 0.5)\" or \"5ms\""
                 : "a distribution such as \"zipf(1000, 1.1)\", \"uniform(1, 10)\" or \"3\"";
  }
  return "a value";
}

std::optional<ParamValue> parseParamText(const ParamSpec& spec, std::string_view text,
                                         std::string* error) {
  const auto fail = [&]() -> std::optional<ParamValue> {
    if (error) *error = "expected " + describeExpected(spec) + ", got \"" + std::string(text) + "\"";
    return std::nullopt;
  };
  std::optional<ParamValue> value;
  switch (spec.type) {
    case ParamType::Integer: {
      const auto n = parseNumber(text);
      if (!n || *n != std::floor(*n) || std::fabs(*n) > 9.0e15) return fail();
      value = static_cast<std::int64_t>(*n);
      break;
    }
    case ParamType::Real: {
      const auto n = parseNumber(text);
      if (!n) return fail();
      value = *n;
      break;
    }
    case ParamType::Duration: {
      const auto d = parseDuration(text);
      if (!d) return fail();
      value = std::int64_t{*d};
      break;
    }
    case ParamType::Boolean:
      if (text == "true") {
        value = true;
      } else if (text == "false") {
        value = false;
      } else {
        return fail();
      }
      break;
    case ParamType::Choice:
      value = std::string(text);
      break;
    case ParamType::Distribution: {
      std::string why;
      auto d = Distribution::parse(text, spec.dimension, &why);
      if (!d) {
        if (error) *error = why;
        return std::nullopt;
      }
      value = std::move(*d);
      break;
    }
  }
  const std::string problem = checkParamValue(spec, *value);
  if (!problem.empty()) {
    if (error) *error = problem;
    return std::nullopt;
  }
  return value;
}

std::string checkParamValue(const ParamSpec& spec, const ParamValue& value) {
  const auto outOfRange = [&](const std::string& shown) {
    return "expected " + describeExpected(spec) + ", got " + shown;
  };
  switch (spec.type) {
    case ParamType::Integer: {
      const auto* v = std::get_if<std::int64_t>(&value);
      if (!v) return "expected " + describeExpected(spec);
      const auto d = static_cast<double>(*v);
      if (d < spec.min || d > spec.max) return outOfRange(std::to_string(*v));
      return {};
    }
    case ParamType::Real: {
      const auto* v = std::get_if<double>(&value);
      if (!v || !std::isfinite(*v)) return "expected " + describeExpected(spec);
      if (*v < spec.min || *v > spec.max) return outOfRange(formatNumber(*v));
      return {};
    }
    case ParamType::Duration: {
      const auto* v = std::get_if<std::int64_t>(&value);
      if (!v) return "expected " + describeExpected(spec);
      const double s = simTimeToSeconds(*v);
      if (s < spec.min || s > spec.max) return outOfRange(formatDuration(*v));
      return {};
    }
    case ParamType::Boolean:
      return std::holds_alternative<bool>(value) ? std::string{} : "expected true or false";
    case ParamType::Choice: {
      const auto* v = std::get_if<std::string>(&value);
      if (!v) return "expected " + describeExpected(spec);
      for (const auto& c : spec.choices) {
        if (c == *v) return {};
      }
      return "expected " + describeExpected(spec) + ", got \"" + *v + "\"";
    }
    case ParamType::Distribution: {
      const auto* v = std::get_if<Distribution>(&value);
      if (!v) return "expected " + describeExpected(spec);
      std::string problem = v->validate();
      if (problem.empty() && spec.dimension == Distribution::Dimension::Duration) {
        problem = checkDurationDistribution(*v);
      }
      return problem;
    }
  }
  return {};
}

std::string formatParamValue(const ParamSpec& spec, const ParamValue& value) {
  switch (spec.type) {
    case ParamType::Integer: return std::to_string(std::get<std::int64_t>(value));
    case ParamType::Real: return formatNumber(std::get<double>(value));
    case ParamType::Duration: return formatDuration(std::get<std::int64_t>(value));
    case ParamType::Boolean: return std::get<bool>(value) ? "true" : "false";
    case ParamType::Choice: return std::get<std::string>(value);
    case ParamType::Distribution: return std::get<Distribution>(value).toString(spec.dimension);
  }
  return {};
}

ParamSet::ParamSet(const std::vector<ParamSpec>& specs) : m_specs(&specs) {
  m_values.reserve(specs.size());
  for (const auto& s : specs) m_values.push_back(s.defaultValue);
}

std::optional<std::size_t> ParamSet::indexOf(std::string_view name) const {
  if (!m_specs) return std::nullopt;
  for (std::size_t i = 0; i < m_specs->size(); ++i) {
    if ((*m_specs)[i].name == name) return i;
  }
  return std::nullopt;
}

bool ParamSet::isDefault(std::size_t index) const {
  return m_values[index] == (*m_specs)[index].defaultValue;
}

const ParamValue& ParamSet::byName(std::string_view name) const {
  const auto index = indexOf(name);
  if (!index) throw std::logic_error("undeclared parameter: " + std::string(name));
  return m_values[*index];
}

std::int64_t ParamSet::integer(std::string_view name) const {
  return std::get<std::int64_t>(byName(name));
}
double ParamSet::real(std::string_view name) const { return std::get<double>(byName(name)); }
SimTime ParamSet::duration(std::string_view name) const {
  return std::get<std::int64_t>(byName(name));
}
bool ParamSet::boolean(std::string_view name) const { return std::get<bool>(byName(name)); }
const std::string& ParamSet::choice(std::string_view name) const {
  return std::get<std::string>(byName(name));
}
const Distribution& ParamSet::distribution(std::string_view name) const {
  return std::get<Distribution>(byName(name));
}

std::string ParamSet::text(std::string_view name) const {
  const auto index = indexOf(name);
  if (!index) throw std::logic_error("undeclared parameter: " + std::string(name));
  return formatParamValue((*m_specs)[*index], m_values[*index]);
}

}  // namespace pillars
