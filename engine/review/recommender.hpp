#pragma once
// Facts -> ranked patterns. Rules are the seed's pattern table (use when / don't use when,
// with the thresholds kept in checklists/patterns.json) and its decision matrix (a "problem"
// fact names a row). Each recommendation says which rule fired, in words.

#include <optional>
#include <string>
#include <vector>

#include "engine/review/facts.hpp"
#include "engine/review/review_data.hpp"

namespace pillars {
struct Scenario;
struct RunResults;
}

namespace pillars::review {

struct RecommendedPattern {
  const Pattern* pattern = nullptr;
  std::vector<std::string> reasons;  // "Load Balancer: 5,000 req/s > 1,000 req/s (seed: Traffic > 1000 req/s)"
  /// The seed's "don't use when" cell, when the pattern has one ("< 100 req/s").
  std::string dontUseWhen;
  /// Set when a fact shows the "don't use when" case holds: "peak_rps is 50 req/s (< 100 req/s)".
  std::vector<std::string> warnings;
  int score = 0;  // higher ranks first
  /// Where to apply it in the design: set by resolveApplyHints when the pattern maps onto
  /// the topology (its data has an "apply" role) and a component fits the role.
  std::optional<ApplyHint> apply;
  /// Set only on the patterns `recommend` left out because the design has them: where.
  std::string inDesign;
};

/// Whether `condition` holds for the facts: nothing when its fact is unknown.
std::optional<bool> evaluate(const Condition& condition, const Facts& facts);

/// "5,000 req/s > 1,000 req/s": the condition with the fact's value, for reasons and warnings.
std::string explain(const Condition& condition, const FactValue& value);

/// Ranks patterns whose rule fires. Score: 100 for a pattern table rule, 60/50/... for the
/// patterns of a decision-matrix row in the row's order; minus 80 per "don't use when" that
/// holds; ties go to lower complexity, then to the pattern table's order. A pattern the design
/// already has (`facts.inDesign`) is never recommended: it goes to `alreadyInDesign` (optional)
/// instead, with the rule that fired and `inDesign` saying where the design has it.
std::vector<RecommendedPattern> recommend(const ReviewLibrary& library, const Facts& facts,
                                          std::vector<RecommendedPattern>* alreadyInDesign = nullptr);

/// Sets each recommendation's apply hint for a design: the pattern's role in the data
/// ("entry_service") becomes a component id; no hint when no component fits the role.
/// `run` (optional) picks the hottest service for add_instance.
void resolveApplyHints(std::vector<RecommendedPattern>& recommendations, const Scenario& scenario,
                       const RunResults* run);

}  // namespace pillars::review
