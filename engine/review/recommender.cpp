#include "engine/review/recommender.hpp"

#include <algorithm>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/review/topology_analysis.hpp"
#include "engine/run/run_results.hpp"

namespace pillars::review {

namespace {

int complexityRank(const std::string& complexity) {
  if (complexity == "Low") return 0;
  if (complexity == "Medium") return 1;
  if (complexity == "High") return 2;
  if (complexity == "Very High") return 3;
  return 4;  // patterns outside the table have no complexity cell: after those that do
}

template <typename T>
bool compare(const T& a, const std::string& op, const T& b) {
  if (op == ">") return a > b;
  if (op == ">=") return a >= b;
  if (op == "<") return a < b;
  if (op == "<=") return a <= b;
  if (op == "==") return a == b;
  if (op == "!=") return a != b;
  return false;
}

RecommendedPattern& entryFor(std::vector<RecommendedPattern>& out, const Pattern* p) {
  for (auto& r : out) {
    if (r.pattern == p) return r;
  }
  RecommendedPattern r;
  r.pattern = p;
  r.score = -1000;  // replaced by the first rule that adds it
  if (p->dontUseWhen) r.dontUseWhen = p->dontUseWhen->text;
  out.push_back(std::move(r));
  return out.back();
}

}  // namespace

std::optional<bool> evaluate(const Condition& condition, const Facts& facts) {
  const auto value = facts.get(condition.fact);
  if (!value || value->index() != condition.value.index()) return std::nullopt;
  if (const auto* d = std::get_if<double>(&*value)) return compare(*d, condition.op, std::get<double>(condition.value));
  if (const auto* b = std::get_if<bool>(&*value)) return compare(*b, condition.op, std::get<bool>(condition.value));
  return compare(std::get<std::string>(*value), condition.op, std::get<std::string>(condition.value));
}

std::string explain(const Condition& condition, const FactValue& value) {
  const FactDefinition* def = findFactDefinition(condition.fact);
  if (!def) return condition.text;
  if (def->type == FactType::Number) {
    return formatFact(*def, value) + " " + condition.op + " " + formatFact(*def, condition.value);
  }
  return condition.fact + " = " + formatFactValue(value);
}

std::vector<RecommendedPattern> recommend(const ReviewLibrary& library, const Facts& facts,
                                          std::vector<RecommendedPattern>* alreadyInDesign) {
  std::vector<RecommendedPattern> out;
  for (const auto& p : library.patterns) {
    if (!p.useWhen || evaluate(*p.useWhen, facts) != true) continue;
    RecommendedPattern& r = entryFor(out, &p);
    r.reasons.push_back(p.name + ": " + explain(*p.useWhen, *facts.get(p.useWhen->fact)) + " (seed: " +
                        p.useWhen->text + ")");
    r.score = std::max(r.score, 100);
  }
  if (const auto problem = facts.get("problem")) {
    for (const auto& matrix : library.matrices) {
      const MatrixRow* row = matrix.find(formatFactValue(*problem));
      if (!row) continue;
      for (std::size_t i = 0; i < row->patternIds.size(); ++i) {
        const Pattern* p = library.findPattern(row->patternIds[i]);
        if (!p) continue;
        RecommendedPattern& r = entryFor(out, p);
        r.reasons.push_back("Decision matrix: \"" + row->problem + "\" -> " + row->primary + ", then " +
                            row->secondary + "; start with " + row->startWith);
        r.score = std::max(r.score, 60 - 10 * static_cast<int>(i));
      }
    }
  }
  for (auto& r : out) {
    const Condition* dont = r.pattern->dontUseWhen ? &*r.pattern->dontUseWhen : nullptr;
    if (dont && evaluate(*dont, facts) == true) {
      r.warnings.push_back("Don't use when " + dont->text + ": " + explain(*dont, *facts.get(dont->fact)));
      r.score -= 80;
    }
  }
  auto tableIndex = [&](const Pattern* p) { return p - library.patterns.data(); };
  std::stable_sort(out.begin(), out.end(), [&](const RecommendedPattern& a, const RecommendedPattern& b) {
    if (a.score != b.score) return a.score > b.score;
    const int ca = complexityRank(a.pattern->complexity), cb = complexityRank(b.pattern->complexity);
    if (ca != cb) return ca < cb;
    return tableIndex(a.pattern) < tableIndex(b.pattern);
  });
  // After ranking, so the patterns left out keep the order they would have had.
  std::vector<RecommendedPattern> suggested;
  for (auto& r : out) {
    const auto present = std::find_if(facts.inDesign.begin(), facts.inDesign.end(),
                                      [&](const PatternInDesign& p) { return p.patternId == r.pattern->id; });
    if (present == facts.inDesign.end()) {
      suggested.push_back(std::move(r));
    } else if (alreadyInDesign) {
      r.inDesign = present->where;
      alreadyInDesign->push_back(std::move(r));
    }
  }
  return suggested;
}

void resolveApplyHints(std::vector<RecommendedPattern>& recommendations, const Scenario& scenario,
                       const RunResults* run) {
  const TopologyAnalysis a = analyzeTopology(scenario);
  auto target = [&](const std::string& role) -> std::string {
    if (role == "entry_service") return a.entryServices.empty() ? "" : a.entryServices.front();
    if (role == "unreplicated_store") {
      for (const auto& set : a.replicaSets) {
        if (set.factor() < 2) return set.members.front();
      }
      return "";
    }
    if (role == "data_store") return a.replicaSets.empty() ? "" : a.replicaSets.front().members.front();
    if (role == "single_point_of_failure") {
      return a.singlePointsOfFailure.empty() ? "" : a.singlePointsOfFailure.front().component;
    }
    if (role == "balancer_without_health_checks") {
      for (const auto& c : scenario.components) {
        // A kind that can health-check what it calls, with the checks off.
        if (c.params.indexOf("health_check_interval") && c.params.duration("health_check_interval") == 0) return c.id;
      }
      return "";
    }
    if (role == "caller_without_breaker") {
      // A client that retries multiplies an outage's load the most: it comes first.
      const ComponentSpec* found = nullptr;
      for (const auto& c : scenario.components) {
        const auto index = c.params.indexOf("circuit_breaker");
        if (!isLoadGenerator(c.kind) || !index || c.params.boolean("circuit_breaker")) continue;
        if (!found || (c.params.integer("retries") > 0 && found->params.integer("retries") == 0)) found = &c;
      }
      return found ? found->id : "";
    }
    if (role == "unscaled_service") {
      // A service no autoscaler scales yet: the busiest by the last run, else the largest set.
      const ComponentSpec* best = nullptr;
      double bestScore = -1;
      for (const auto& c : scenario.components) {
        if (!kindTraits(c.kind).scalesOut() || findCallerWith(scenario, c.id, &ComponentKind::scalesTarget)) continue;
        double score = static_cast<double>(c.params.integer("replicas"));
        if (run) {
          const auto measured = std::find_if(run->components.begin(), run->components.end(),
                                             [&](const ComponentResult& r) { return r.id == c.id; });
          if (measured != run->components.end()) score = measured->utilization;
        }
        if (score > bestScore) {
          best = &c;
          bestScore = score;
        }
      }
      return best ? best->id : "";
    }
    if (role == "replicated_service") {
      // What a chaos experiment should attack first: the largest replica set, which the design
      // means to survive losing an instance.
      const ComponentSpec* best = nullptr;
      for (const auto& c : scenario.components) {
        if (kindTraits(c.kind).scalesOut() && (!best || c.params.integer("replicas") > best->params.integer("replicas"))) best = &c;
      }
      return best ? best->id : "";
    }
    if (role == "hottest_service" && run) {
      const ComponentResult* hottest = nullptr;
      for (const auto& c : run->components) {
        if (kindTraits(c.kind).scalesOut() && (!hottest || c.utilization > hottest->utilization)) hottest = &c;
      }
      return hottest ? hottest->id : "";
    }
    return "";
  };
  for (auto& r : recommendations) {
    r.apply.reset();
    if (!r.pattern->apply) continue;
    const std::string id = target(r.pattern->apply->target);
    if (!id.empty()) r.apply = ApplyHint{r.pattern->apply->action, id};
  }
}

}  // namespace pillars::review
