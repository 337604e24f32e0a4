#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/sim/distribution.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

/// The value types a component parameter can have.
enum class ParamType {
  Integer,       // std::int64_t
  Real,          // double
  Duration,      // SimTime (ns) held in the std::int64_t alternative
  Boolean,       // bool
  Choice,        // std::string, one of ParamSpec::choices
  Distribution,  // pillars::Distribution
};

using ParamValue = std::variant<std::int64_t, double, bool, std::string, Distribution>;

/// One parameter of a component kind, declared once. The same declaration drives validation,
/// scenario file reading and writing, `--set` overrides and the GUI inspector.
struct ParamSpec {
  std::string name;
  ParamType type = ParamType::Real;
  ParamValue defaultValue;
  std::string unit;         // shown to people: "req/s", "workers", "bytes"
  std::string description;  // one line
  /// Allowed range for Integer and Real, and for Duration in seconds.
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  std::vector<std::string> choices;                            // Choice
  Distribution::Dimension dimension = Distribution::Dimension::Duration;  // Distribution
};

/// A problem a kind finds in one component's parameters taken together (min above max): which
/// parameter to point at, and what is wrong, in words.
struct ParamProblem {
  std::string param;
  std::string message;
};

// Builders keep the kind tables short and readable.
ParamSpec integerParam(std::string name, std::int64_t def, double min, double max,
                       std::string unit, std::string description);
ParamSpec realParam(std::string name, double def, double min, double max, std::string unit,
                    std::string description);
ParamSpec durationParam(std::string name, SimTime def, std::string description,
                        double minSeconds = 0.0);
ParamSpec booleanParam(std::string name, bool def, std::string description);
ParamSpec choiceParam(std::string name, std::string def, std::vector<std::string> choices,
                      std::string description);
ParamSpec distributionParam(std::string name, Distribution def, Distribution::Dimension dim,
                            std::string unit, std::string description);

/// Parses a value written as text (a `--set` argument, or a JSON string). On failure returns
/// nothing and explains what was expected in `error`.
std::optional<ParamValue> parseParamText(const ParamSpec& spec, std::string_view text,
                                         std::string* error);
/// Checks type and range; returns an empty string when the value is acceptable.
std::string checkParamValue(const ParamSpec& spec, const ParamValue& value);
/// The canonical text form, which parseParamText reads back to the same value.
std::string formatParamValue(const ParamSpec& spec, const ParamValue& value);
/// What a valid value looks like, for error messages: "an integer from 1 to 4096".
std::string describeExpected(const ParamSpec& spec);
std::string_view paramTypeName(ParamType type);

/// Values for every parameter of one kind, in declaration order, starting at the defaults.
class ParamSet {
 public:
  ParamSet() = default;
  explicit ParamSet(const std::vector<ParamSpec>& specs);

  const std::vector<ParamSpec>& specs() const { return *m_specs; }
  std::optional<std::size_t> indexOf(std::string_view name) const;
  const ParamValue& value(std::size_t index) const { return m_values[index]; }
  void set(std::size_t index, ParamValue value) { m_values[index] = std::move(value); }
  /// True when the value differs from the declared default (writers omit defaults).
  bool isDefault(std::size_t index) const;

  // Typed access by name; the name must be declared (a programming error otherwise).
  std::int64_t integer(std::string_view name) const;
  double real(std::string_view name) const;
  SimTime duration(std::string_view name) const;
  bool boolean(std::string_view name) const;
  const std::string& choice(std::string_view name) const;
  const Distribution& distribution(std::string_view name) const;
  /// The canonical text of a declared parameter ("exp(20ms)", "8", "round_robin").
  std::string text(std::string_view name) const;

 private:
  const ParamValue& byName(std::string_view name) const;

  const std::vector<ParamSpec>* m_specs = nullptr;
  std::vector<ParamValue> m_values;
};

}  // namespace pillars
