#include <cstdio>

#include "app/cli/command.hpp"
#include "app/cli/command_line.hpp"
#include "app/cli/recommendation_output.hpp"
#include "app/cli/review_input.hpp"
#include "app/cli/scenario_input.hpp"
#include "app/cli/text_table.hpp"
#include "engine/io/json_writer.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/review/evidence.hpp"
#include "engine/review/risk.hpp"
#include "engine/run/scenario_runner.hpp"

namespace pillars::cli {

namespace {

using namespace pillars::review;

/// Everything one review produced, for either output.
struct ReviewOutcome {
  const Checklist* checklist = nullptr;
  std::vector<EvidenceItem> evidence;
  std::vector<SuggestedAnswer> suggestions;
  RiskReport risks;
  Facts facts;
  std::vector<RecommendedPattern> recommendations;
  std::vector<RecommendedPattern> alreadyInDesign;  // fired, but the design has them
};

/// The measured availability a run must reach: the user's uptime target, else the seed's
/// "Need 99.9%+ uptime" threshold as the pattern table holds it.
double availabilityTarget(const ReviewLibrary& lib, const Facts& facts) {
  if (const auto v = facts.get("uptime_target_percent")) return std::get<double>(*v);
  const Pattern* replication = lib.findPattern("replication");
  if (replication && replication->useWhen && std::holds_alternative<double>(replication->useWhen->value)) {
    return std::get<double>(replication->useWhen->value);
  }
  return EvidenceOptions{}.availabilityTargetPercent;
}

const SuggestedAnswer* suggestionFor(const ReviewOutcome& o, const std::string& questionId) {
  for (const auto& s : o.suggestions) {
    if (s.questionId == questionId) return &s;
  }
  return nullptr;
}

std::string becauseKeys(const SuggestedAnswer* s) {
  if (!s) return "-";
  std::string keys;
  for (const EvidenceItem* e : s->because) {
    if (keys.find(e->key) == std::string::npos) keys += (keys.empty() ? "" : ", ") + e->key;
  }
  return keys;
}

void printText(const Scenario& scenario, const std::string& path, const ReviewOutcome& o) {
  std::printf("Review of %s (%s) with \"%s\"\n\n", scenario.name.empty() ? "scenario" : scenario.name.c_str(),
              path.c_str(), o.checklist->title.c_str());
  std::printf("Evidence\n");
  for (const auto& e : o.evidence) {
    std::printf("  [%s] %s: %s\n", e.fromRun ? "run" : "design", e.key.c_str(), e.sentence.c_str());
  }
  std::printf("\nSuggested answers (from the evidence; a person answers the rest)\n");
  TextTable answers({"question", "pillar", "answer", "risk", "evidence"});
  for (const auto& q : o.risks.questions) {
    const SuggestedAnswer* s = suggestionFor(o, q.question->id);
    answers.addRow({q.question->text, q.question->pillar, q.answered ? q.choice : "unanswered",
                    q.answered ? std::string(riskName(q.risk)) : "-", becauseKeys(s)});
  }
  std::fputs(answers.render().c_str(), stdout);
  std::printf("\nRisks by pillar\n");
  TextTable pillars({"pillar", "questions", "answered", "high", "medium"});
  for (const auto& p : o.risks.pillars) {
    if (p.questions == 0) continue;
    pillars.addRow({p.pillar, std::to_string(p.questions), std::to_string(p.answered), std::to_string(p.high),
                    std::to_string(p.medium)});
  }
  pillars.addRow({"total", std::to_string(o.risks.total), std::to_string(o.risks.answered), std::to_string(o.risks.high),
                  std::to_string(o.risks.medium)});
  std::fputs(pillars.render().c_str(), stdout);
  std::printf("\n");
  printFacts(o.facts);
  std::printf("\n");
  printRecommendations(o.recommendations);
  printAlreadyInDesign(o.alreadyInDesign);
}

void writeJson(const Scenario& scenario, const ReviewOutcome& o) {
  JsonWriter w;
  w.beginObject();
  w.field("format", "pillars-review");
  w.field("version", 1);
  w.field("scenario", scenario.name);
  w.field("checklist", o.checklist->id);
  w.key("evidence");
  w.beginArray();
  for (const auto& e : o.evidence) {
    w.beginObject();
    w.field("key", e.key);
    w.field("value", e.value);
    w.field("sentence", e.sentence);
    w.key("components");
    w.beginArray();
    for (const auto& c : e.components) w.value(c);
    w.endArray();
    w.field("suggests", e.suggests);
    w.field("source", e.fromRun ? "run" : "design");
    w.endObject();
  }
  w.endArray();
  w.key("questions");
  w.beginArray();
  for (const auto& q : o.risks.questions) {
    w.beginObject();
    w.field("id", q.question->id);
    w.field("pillar", q.question->pillar);
    w.field("text", q.question->text);
    w.key("suggested");
    if (q.answered) w.value(q.choice);
    else w.nullValue();
    w.key("risk");
    if (q.answered) w.value(riskName(q.risk));
    else w.nullValue();
    w.key("evidence");
    w.beginArray();
    if (const SuggestedAnswer* s = suggestionFor(o, q.question->id)) {
      for (const EvidenceItem* e : s->because) w.value(e->key);
    }
    w.endArray();
    w.endObject();
  }
  w.endArray();
  w.key("risks");
  w.beginObject();
  w.field("total", o.risks.total);
  w.field("answered", o.risks.answered);
  w.field("high", o.risks.high);
  w.field("medium", o.risks.medium);
  w.key("pillars");
  w.beginArray();
  for (const auto& p : o.risks.pillars) {
    w.beginObject();
    w.field("pillar", p.pillar);
    w.field("questions", p.questions);
    w.field("answered", p.answered);
    w.field("not_applicable", p.notApplicable);
    w.field("high", p.high);
    w.field("medium", p.medium);
    w.endObject();
  }
  w.endArray();
  w.endObject();
  writeFactsJson(w, o.facts);
  writeRecommendationsJson(w, o.recommendations);
  writeAlreadyInDesignJson(w, o.alreadyInDesign);
  w.endObject();
  std::printf("%s\n", w.str().c_str());
}

}  // namespace

int runReview(const std::vector<std::string>& args) {
  CommandLine cl(
      "review",
      "Reviews a design with the 5-Minute Architecture Review: gathers evidence from the\n"
      "topology (balancing policies, health checks, replicas, single points of failure,\n"
      "caches, queues, zones) and, with --run, from a simulation of it; suggests answers\n"
      "with their risk, counts high and medium risks per pillar, and recommends patterns\n"
      "for facts prefilled from the design (override or add them with --fact).\n\n" +
          factHelp());
  std::string path;
  bool json = false;
  std::string checklists;
  bool simulate = false;
  std::vector<std::string> factArgs;
  cl.positional("FILE", path, "Scenario file (JSON) or project (.pillars)")->required();
  cl.flag("--json", json, "Print the review as JSON instead of text");
  cl.option("--checklists", checklists, "DIR",
            "Also load the review files in DIR (checklists, patterns, ...)");
  cl.flag("--run", simulate,
          "Simulate the scenario and add measured evidence (availability, p99, drops, hot spots)");
  cl.repeatable("--fact", factArgs, "NAME=VALUE", "Set a fact for the recommender (repeatable)")
      ->check(factArgProblem);
  if (const auto done = cl.parse(args)) return *done;
  const auto scenario = loadScenarioOrReport(path);
  if (!scenario) return kExitFailed;
  const auto library = loadReviewLibraryOrReport(checklists);
  if (!library) return kExitFailed;

  ReviewOutcome o;
  o.checklist = library->findChecklist("five-minute-review");
  if (!o.checklist) o.checklist = &library->checklists.front();
  std::optional<RunResults> run;
  if (simulate) {
    ScenarioRunner runner(*scenario, builtinRegistry());
    runner.run();
    run = runner.results();
  }
  o.facts = prefillFacts(*scenario, run ? &*run : nullptr);
  applyFactArgs(factArgs, o.facts);
  EvidenceOptions options;
  options.availabilityTargetPercent = availabilityTarget(*library, o.facts);
  o.evidence = gatherEvidence(*scenario, run ? &*run : nullptr, options);
  o.suggestions = suggestAnswers(*o.checklist, o.evidence);
  o.risks = evaluateRisks(*o.checklist, answersFrom(o.suggestions), o.evidence);
  o.recommendations = recommend(*library, o.facts, &o.alreadyInDesign);
  resolveApplyHints(o.recommendations, *scenario, run ? &*run : nullptr);
  if (json) {
    writeJson(*scenario, o);
  } else {
    printText(*scenario, path, o);
  }
  return kExitOk;
}

}  // namespace pillars::cli
