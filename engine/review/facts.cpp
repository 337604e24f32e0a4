#include "engine/review/facts.hpp"

#include <cmath>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/run/run_results.hpp"
#include "engine/util/units.hpp"

namespace pillars::review {

const std::vector<FactDefinition>& factDefinitions() {
  static const std::vector<FactDefinition> defs{
      {"peak_rps", FactType::Number, " req/s", "Peak traffic the system must carry", {}},
      {"data_size_gb", FactType::Number, " GB", "Size of the data set (1 TB = 1,000 GB)", {}},
      {"uptime_target_percent", FactType::Number, "%", "Availability the system must reach", {}},
      {"single_region_ok", FactType::Boolean, "", "Running in a single region is acceptable", {}},
      {"consistency", FactType::Word, "", "Consistency readers need after a write",
       {"strong", "eventual"}},
      {"audit_trail", FactType::Boolean, "", "Every change must be kept for audit", {}},
      {"simple_crud", FactType::Boolean, "", "The data is simple create/read/update/delete", {}},
      {"services", FactType::Number, "", "Number of (micro)services", {}},
      {"downtime_cost_per_hour", FactType::Number, "$", "What an hour of downtime costs", {}},
      {"critical_system", FactType::Boolean, "", "Downtime hurts the business", {}},
      {"read_write_ratio", FactType::Number, "", "Reads per write (no seed rule uses it yet)", {}},
      {"problem", FactType::Word, "", "What's breaking, as a row of the decision matrix",
       {"too_slow", "cant_handle_load", "data_lost", "updates_conflict", "cant_debug",
        "false_alarms", "costs"}},
  };
  return defs;
}

const FactDefinition* findFactDefinition(std::string_view name) {
  for (const auto& d : factDefinitions()) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

std::optional<FactValue> Facts::get(std::string_view name) const {
  const auto it = m_values.find(std::string(name));
  if (it == m_values.end()) return std::nullopt;
  return it->second;
}

std::string Facts::setFromText(const std::string& name, std::string_view text) {
  const FactDefinition* def = findFactDefinition(name);
  if (!def) {
    std::string list;
    for (const auto& d : factDefinitions()) list += (list.empty() ? "" : ", ") + d.name;
    return "unknown fact \"" + name + "\" (expected one of: " + list + ")";
  }
  switch (def->type) {
    case FactType::Number: {
      const auto n = parseNumber(text);
      if (!n || !std::isfinite(*n) || *n < 0) {
        return name + " expects a non-negative number, got \"" + std::string(text) + "\"";
      }
      set(name, *n);
      return {};
    }
    case FactType::Boolean:
      if (text == "yes" || text == "true") {
        set(name, true);
        return {};
      }
      if (text == "no" || text == "false") {
        set(name, false);
        return {};
      }
      return name + " expects yes or no, got \"" + std::string(text) + "\"";
    case FactType::Word:
      for (const auto& w : def->words) {
        if (w == text) {
          set(name, std::string(text));
          return {};
        }
      }
      std::string list;
      for (const auto& w : def->words) list += (list.empty() ? "" : ", ") + w;
      return name + " expects one of " + list + ", got \"" + std::string(text) + "\"";
  }
  return "unsupported fact type";
}

namespace {

std::string grouped(double value) {
  // Whole numbers get thousands separators ("5,000"); others print as they are.
  if (value != std::floor(value) || std::fabs(value) >= 1e15) return formatNumber(value);
  std::string digits = std::to_string(static_cast<long long>(std::fabs(value)));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

/// The highest rate a client's arrival process reaches, by its own parameters.
double peakRateOf(const ComponentSpec& c) {
  const ParamSet& p = c.params;
  const double rate = p.real("rate");
  const std::string& arrival = p.choice("arrival");
  if (arrival == "diurnal") return rate * (1.0 + p.real("amplitude"));
  if (arrival == "spike") return rate * std::max(1.0, p.real("spike_multiplier"));
  return rate;  // constant, poisson and on_off (whose rate is the ON rate)
}

}  // namespace

std::string formatFact(const FactDefinition& def, const FactValue& value) {
  if (const auto* d = std::get_if<double>(&value)) {
    if (def.unit == "$") return "$" + grouped(*d);
    return grouped(*d) + def.unit;
  }
  return formatFactValue(value);
}

Facts prefillFacts(const Scenario& scenario, const RunResults* run) {
  Facts facts;
  double peak = 0;
  std::string parts;
  bool anyClient = false;
  for (const auto& c : scenario.components) {
    if (!isLoadGenerator(c.kind)) continue;
    double rate = 0;
    if (c.params.choice("mode") == "open") {
      rate = peakRateOf(c);
    } else if (run) {
      // A closed loop sends as fast as answers come back: only a run can tell that rate.
      for (const auto& r : run->components) {
        if (r.id == c.id) rate = r.throughputRps;
      }
    } else {
      continue;
    }
    anyClient = true;
    peak += rate;
    parts += (parts.empty() ? "" : ", ") + c.id + " " + grouped(std::round(rate * 100) / 100) + " req/s";
  }
  if (anyClient) {
    facts.set("peak_rps", peak);
    facts.sources.push_back("peak_rps: sum of the clients' peak rates (" + parts + ")");
  }
  double services = 0;
  for (const auto& c : scenario.components) services += kindTraits(c.kind).scalesOut() ? 1 : 0;
  facts.set("services", services);
  facts.sources.push_back("services: " + grouped(services) + (services == 1 ? " component" : " components") +
                          " of kind service in the design");
  facts.inDesign = patternsInDesign(scenario);
  return facts;
}

}  // namespace pillars::review
