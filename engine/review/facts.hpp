#pragma once
// What the recommender needs to know about a system: the quantities the seed's pattern table
// compares with thresholds ("Traffic > 1000 req/s", "Data > 1TB", ...). Each fact may be unknown.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/review/patterns_in_design.hpp"
#include "engine/review/review_data.hpp"

namespace pillars {
struct Scenario;
struct RunResults;
}  // namespace pillars

namespace pillars::review {

enum class FactType { Number, Boolean, Word };

/// One fact the rules may name: its type, unit and meaning.
struct FactDefinition {
  std::string name;  // "peak_rps"
  FactType type = FactType::Number;
  std::string unit;  // " req/s", " GB", "%", "$" (as printed after/before the number)
  std::string description;
  std::vector<std::string> words;  // FactType::Word: the allowed values
};

/// Every fact Pillars knows, in a fixed order (pattern rules may only name these).
const std::vector<FactDefinition>& factDefinitions();
const FactDefinition* findFactDefinition(std::string_view name);

/// Known facts by name; a missing name means "unknown", and rules about it do not fire.
class Facts {
 public:
  std::optional<FactValue> get(std::string_view name) const;
  void set(const std::string& name, FactValue value) { m_values[name] = std::move(value); }
  /// Parses "5000", "yes"/"no"/"true"/"false" or a word, by the fact's type. Returns an empty
  /// string on success, otherwise what was expected.
  std::string setFromText(const std::string& name, std::string_view text);
  const std::map<std::string, FactValue>& values() const { return m_values; }

  /// Where each prefilled fact came from, in words ("peak_rps: users sends 1,200 req/s").
  std::vector<std::string> sources;

  /// The patterns the design already has (patternsInDesign): the recommender never suggests
  /// them. Empty for facts that describe no design (`pillars-cli recommend`).
  std::vector<PatternInDesign> inDesign;

 private:
  std::map<std::string, FactValue> m_values;  // ordered: output is deterministic
};

/// Fills what a design (and a run, when given) tells: peak traffic from the clients' rates,
/// the number of services, the patterns it already has. Facts the topology cannot know (data size, uptime target, audit
/// needs) stay unknown; `sources` says where each known one came from.
Facts prefillFacts(const Scenario& scenario, const RunResults* run);

/// "5,000 req/s", "1,000 GB", "99.9%", "$1,000,000", "yes", "strong".
std::string formatFact(const FactDefinition& def, const FactValue& value);

}  // namespace pillars::review
