#include "app/cli/recommendation_output.hpp"

#include <cstdio>

namespace pillars::cli {

void printFacts(const review::Facts& facts) {
  std::printf("Facts\n");
  if (facts.values().empty()) std::printf("  (none known: give some with --fact NAME=VALUE)\n");
  for (const auto& [name, value] : facts.values()) {
    const review::FactDefinition* def = review::findFactDefinition(name);
    std::printf("  %s = %s\n", name.c_str(), def ? review::formatFact(*def, value).c_str() : "?");
  }
  for (const auto& s : facts.sources) std::printf("    from %s\n", s.c_str());
}

void printRecommendations(const std::vector<review::RecommendedPattern>& recommendations) {
  std::printf("Recommended patterns\n");
  if (recommendations.empty()) std::printf("  (nothing to recommend for these facts)\n");
  int rank = 0;
  for (const auto& r : recommendations) {
    const review::Pattern& p = *r.pattern;
    std::printf("  %d. %s (%s", ++rank, p.name.c_str(), p.pillar.c_str());
    if (!p.complexity.empty()) std::printf(", complexity %s, cost %s", p.complexity.c_str(), p.cost.c_str());
    std::printf(")\n");
    for (const auto& reason : r.reasons) std::printf("     because %s\n", reason.c_str());
    for (const auto& warning : r.warnings) std::printf("     WARNING: %s\n", warning.c_str());
    if (r.warnings.empty() && !r.dontUseWhen.empty()) {
      std::printf("     don't use when: %s\n", r.dontUseWhen.c_str());
    }
    if (r.apply) std::printf("     apply: %s on %s\n", r.apply->action.c_str(), r.apply->target.c_str());
  }
}

void printAlreadyInDesign(const std::vector<review::RecommendedPattern>& present) {
  if (present.empty()) return;
  std::printf("Already in the design (not recommended)\n");
  for (const auto& r : present) {
    std::printf("  %s: %s\n", r.pattern->name.c_str(), r.inDesign.c_str());
    for (const auto& reason : r.reasons) std::printf("     its rule fired: %s\n", reason.c_str());
  }
}

void writeFactsJson(JsonWriter& w, const review::Facts& facts) {
  w.key("facts");
  w.beginObject();
  for (const auto& [name, value] : facts.values()) {
    w.key(name);
    if (const auto* d = std::get_if<double>(&value)) w.value(*d);
    else if (const auto* b = std::get_if<bool>(&value)) w.value(*b);
    else w.value(std::get<std::string>(value));
  }
  w.endObject();
  w.key("fact_sources");
  w.beginArray();
  for (const auto& s : facts.sources) w.value(s);
  w.endArray();
}

void writeRecommendationsJson(JsonWriter& w, const std::vector<review::RecommendedPattern>& recommendations) {
  w.key("recommendations");
  w.beginArray();
  for (const auto& r : recommendations) {
    w.beginObject();
    w.field("pattern", r.pattern->id);
    w.field("name", r.pattern->name);
    w.field("pillar", r.pattern->pillar);
    w.field("complexity", r.pattern->complexity);
    w.field("cost", r.pattern->cost);
    w.field("score", r.score);
    w.key("reasons");
    w.beginArray();
    for (const auto& s : r.reasons) w.value(s);
    w.endArray();
    w.field("dont_use_when", r.dontUseWhen);
    w.key("warnings");
    w.beginArray();
    for (const auto& s : r.warnings) w.value(s);
    w.endArray();
    w.key("apply");
    if (r.apply) {
      w.beginObject();
      w.field("action", r.apply->action);
      w.field("target", r.apply->target);
      w.endObject();
    } else {
      w.nullValue();
    }
    w.endObject();
  }
  w.endArray();
}

void writeAlreadyInDesignJson(JsonWriter& w, const std::vector<review::RecommendedPattern>& present) {
  w.key("already_in_design");
  w.beginArray();
  for (const auto& r : present) {
    w.beginObject();
    w.field("pattern", r.pattern->id);
    w.field("name", r.pattern->name);
    w.field("where", r.inDesign);
    w.key("reasons");
    w.beginArray();
    for (const auto& s : r.reasons) w.value(s);
    w.endArray();
    w.endObject();
  }
  w.endArray();
}

}  // namespace pillars::cli
