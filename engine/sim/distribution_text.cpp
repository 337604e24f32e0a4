// The text form of distributions: "exp(20ms)", "lognormal(10ms, 0.5)", "zipf(1000, 1.1)".
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "engine/sim/distribution.hpp"
#include "engine/util/units.hpp"

namespace pillars {

namespace {

using Kind = Distribution::Kind;
using Dimension = Distribution::Dimension;

constexpr double kMaxInteger = Distribution::kMaxIntegerParameter;

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string quoted(std::string_view text) {
  std::string out;  // appended piecewise: "\"" + std::string(...) trips a GCC 12 -Wrestrict bug
  out.reserve(text.size() + 2);
  out += '"';
  out += text;
  out += '"';
  return out;
}

std::string integerText(double value) { return std::to_string(static_cast<std::int64_t>(value)); }

// A value argument: a duration (units allowed, optional leading '-') or a plain number.
std::optional<double> parseValue(std::string_view text, Dimension dim) {
  text = trim(text);
  if (dim == Dimension::Plain) return parseNumber(text);
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
    if (text.empty() || isSpace(text.front())) return std::nullopt;
  }
  const std::optional<double> seconds = parseDurationSeconds(text);
  if (!seconds) return std::nullopt;
  return negative ? -*seconds : *seconds;
}

std::string formatValue(double value, Dimension dim) {
  return dim == Dimension::Duration ? formatSeconds(value) : formatNumber(value);
}

enum class ArgType { Value, Plain, WholeNumber };

struct ArgSpec {
  std::string_view name;
  ArgType type;
};

struct Signature {
  std::string_view name;
  Kind kind;
  std::size_t count;  // 0 for empirical (variadic)
  ArgSpec args[2];
};

constexpr Signature kSignatures[] = {
    {"const", Kind::Constant, 1, {{"value", ArgType::Value}, {}}},
    {"constant", Kind::Constant, 1, {{"value", ArgType::Value}, {}}},
    {"uniform", Kind::Uniform, 2, {{"min", ArgType::Value}, {"max", ArgType::Value}}},
    {"exp", Kind::Exponential, 1, {{"mean", ArgType::Value}, {}}},
    {"exponential", Kind::Exponential, 1, {{"mean", ArgType::Value}, {}}},
    {"normal", Kind::Normal, 2, {{"mean", ArgType::Value}, {"stddev", ArgType::Value}}},
    {"lognormal", Kind::LogNormal, 2, {{"median", ArgType::Value}, {"sigma", ArgType::Plain}}},
    {"pareto", Kind::Pareto, 2, {{"scale", ArgType::Value}, {"shape", ArgType::Plain}}},
    {"erlang", Kind::Erlang, 2, {{"k", ArgType::WholeNumber}, {"mean", ArgType::Value}}},
    {"gamma", Kind::Gamma, 2, {{"shape", ArgType::Plain}, {"mean", ArgType::Value}}},
    {"empirical", Kind::Empirical, 0, {{}, {}}},
    {"zipf", Kind::Zipf, 2, {{"n", ArgType::WholeNumber}, {"s", ArgType::Plain}}},
};

const Signature* findSignature(std::string_view name) {
  for (const Signature& signature : kSignatures) {
    if (signature.name == name) return &signature;
  }
  return nullptr;
}

// Splits on `separator` at top level (the grammar has no nesting) and trims each piece.
std::vector<std::string_view> splitArgs(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  if (trim(text).empty()) return parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = text.find(separator, start);
    parts.push_back(
        trim(text.substr(start, at == std::string_view::npos ? text.npos : at - start)));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

bool isLowerName(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string argumentList(const Signature& signature) {
  std::string list;
  for (std::size_t i = 0; i < signature.count; ++i) {
    if (i > 0) list += ", ";
    list += signature.args[i].name;
  }
  return list;
}

std::string expectedValueText(ArgType type, Dimension dim) {
  if (type == ArgType::WholeNumber) return "a whole number";
  if (type == ArgType::Value && dim == Dimension::Duration) {
    return "a duration such as \"5ms\" (a bare number means seconds)";
  }
  return "a number";
}

bool fail(std::string* error, std::string message) {
  if (error != nullptr) *error = std::move(message);
  return false;
}

}  // namespace

// ---- Text form ----------------------------------------------------------------------------------

std::optional<Distribution> Distribution::parse(std::string_view text, Dimension dim,
                                                std::string* error) {
  const std::string_view whole = trim(text);
  const std::string example = dim == Dimension::Duration ? "\"exp(20ms)\"" : "\"exp(20)\"";
  const std::string expected = "expected a distribution such as " + example;

  auto checked = [&](Distribution d) -> std::optional<Distribution> {
    const std::string problem = d.validate();
    if (!problem.empty()) {
      fail(error, "invalid distribution " + quoted(whole) + ": " + problem);
      return std::nullopt;
    }
    return d;
  };

  const std::size_t open = whole.find('(');
  if (open == std::string_view::npos) {
    // A bare value is a constant.
    if (const std::optional<double> value = parseValue(whole, dim))
      return checked(constant(*value));
    const std::string constantExample = dim == Dimension::Duration ? "\"5ms\"" : "\"0.2\"";
    fail(error, expected + " or a constant such as " + constantExample + ", got " + quoted(whole));
    return std::nullopt;
  }

  const std::string_view name = trim(whole.substr(0, open));
  if (!isLowerName(name) || whole.back() != ')') {
    fail(error, expected + ", got " + quoted(whole));
    return std::nullopt;
  }
  const std::string_view inner = whole.substr(open + 1, whole.size() - open - 2);
  if (inner.find_first_of("()") != std::string_view::npos) {
    fail(error, expected + ", got " + quoted(whole));
    return std::nullopt;
  }
  const Signature* signature = findSignature(name);
  if (signature == nullptr) {
    fail(error, "unknown distribution " + quoted(name) + " in " + quoted(whole) +
                    "; expected one of const, uniform, exp, normal, lognormal, pareto, erlang, "
                    "gamma, empirical, zipf");
    return std::nullopt;
  }

  const std::vector<std::string_view> args = splitArgs(inner, ',');
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i].empty()) {
      fail(error,
           quoted(name) + " argument " + std::to_string(i + 1) + " is empty in " + quoted(whole));
      return std::nullopt;
    }
  }

  if (signature->kind == Kind::Empirical) {
    if (args.empty()) {
      fail(error, quoted(name) + " takes at least 1 argument (value or value: weight, ...), got 0");
      return std::nullopt;
    }
    std::vector<double> values;
    std::vector<double> weights;
    std::size_t weighted = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
      const std::vector<std::string_view> parts = splitArgs(args[i], ':');
      const std::string entry = quoted(name) + " entry " + std::to_string(i + 1) + ": ";
      if (parts.size() > 2 || (parts.size() == 2 && (parts[0].empty() || parts[1].empty()))) {
        fail(error, entry + "expected \"value\" or \"value: weight\", got " + quoted(args[i]));
        return std::nullopt;
      }
      const std::optional<double> value = parseValue(parts[0], dim);
      if (!value) {
        fail(error, entry + "expected " + expectedValueText(ArgType::Value, dim) + ", got " +
                        quoted(parts[0]));
        return std::nullopt;
      }
      values.push_back(*value);
      if (parts.size() == 2) {
        const std::optional<double> weight = parseNumber(parts[1]);
        if (!weight) {
          fail(error, entry + "expected a number as weight, got " + quoted(parts[1]));
          return std::nullopt;
        }
        weights.push_back(*weight);
        ++weighted;
      }
    }
    if (weighted != 0 && weighted != values.size()) {
      fail(error, quoted(name) + " needs a weight for every value or for none, got " +
                      std::to_string(weighted) + " weights for " + std::to_string(values.size()) +
                      " values");
      return std::nullopt;
    }
    return checked(empirical(std::move(values), std::move(weights)));
  }

  if (args.size() != signature->count) {
    fail(error, quoted(name) + " takes " + std::to_string(signature->count) +
                    (signature->count == 1 ? " argument (" : " arguments (") +
                    argumentList(*signature) + "), got " + std::to_string(args.size()));
    return std::nullopt;
  }

  double numbers[2] = {0.0, 0.0};
  for (std::size_t i = 0; i < args.size(); ++i) {
    const ArgSpec& spec = signature->args[i];
    std::optional<double> value;
    if (spec.type == ArgType::Value) {
      value = parseValue(args[i], dim);
    } else {
      value = parseNumber(args[i]);
      if (value && spec.type == ArgType::WholeNumber &&
          !(*value >= -kMaxInteger && *value <= kMaxInteger &&
            static_cast<double>(static_cast<std::int64_t>(*value)) == *value)) {
        value.reset();
      }
    }
    if (!value) {
      fail(error, quoted(name) + " argument " + std::to_string(i + 1) + " (" +
                      std::string(spec.name) + "): expected " + expectedValueText(spec.type, dim) +
                      ", got " + quoted(args[i]));
      return std::nullopt;
    }
    numbers[i] = *value;
  }

  switch (signature->kind) {
    case Kind::Constant: return checked(constant(numbers[0]));
    case Kind::Uniform: return checked(uniform(numbers[0], numbers[1]));
    case Kind::Exponential: return checked(exponential(numbers[0]));
    case Kind::Normal: return checked(normal(numbers[0], numbers[1]));
    case Kind::LogNormal: return checked(lognormal(numbers[0], numbers[1]));
    case Kind::Pareto: return checked(pareto(numbers[0], numbers[1]));
    case Kind::Erlang: return checked(erlang(static_cast<std::int64_t>(numbers[0]), numbers[1]));
    case Kind::Gamma: return checked(gamma(numbers[0], numbers[1]));
    case Kind::Zipf: return checked(zipf(static_cast<std::int64_t>(numbers[0]), numbers[1]));
    case Kind::Empirical: break;  // handled above
  }
  fail(error, expected + ", got " + quoted(whole));
  return std::nullopt;
}

std::string Distribution::toString(Dimension dim) const {
  const double p0 = m_params[0];
  const double p1 = m_params[1];
  auto value = [dim](double v) { return formatValue(v, dim); };
  const std::string name(kindName(m_kind));
  switch (m_kind) {
    case Kind::Constant: return value(p0);  // a bare value parses back as a constant
    case Kind::Uniform:
    case Kind::Normal: return name + "(" + value(p0) + ", " + value(p1) + ")";
    case Kind::Exponential: return name + "(" + value(p0) + ")";
    case Kind::LogNormal:
    case Kind::Pareto: return name + "(" + value(p0) + ", " + formatNumber(p1) + ")";
    case Kind::Erlang: return name + "(" + integerText(p0) + ", " + value(p1) + ")";
    case Kind::Gamma: return name + "(" + formatNumber(p0) + ", " + value(p1) + ")";
    case Kind::Zipf: return name + "(" + integerText(p0) + ", " + formatNumber(p1) + ")";
    case Kind::Empirical: {
      const bool equalWeights =
          std::all_of(m_weights.begin(), m_weights.end(), [](double w) { return w == 1.0; });
      std::string text = name + "(";
      for (std::size_t i = 0; i < m_values.size(); ++i) {
        if (i > 0) text += ", ";
        text += value(m_values[i]);
        if (!equalWeights && i < m_weights.size()) text += ": " + formatNumber(m_weights[i]);
      }
      return text + ")";
    }
  }
  return name;
}

}  // namespace pillars
