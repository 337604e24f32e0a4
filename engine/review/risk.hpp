#pragma once
// Answers to a checklist -> a risk per question -> high/medium counts per pillar, as the AWS
// Well-Architected Tool reports them; plus answers suggested by evidence.

#include <map>
#include <string>
#include <vector>

#include "engine/review/evidence.hpp"
#include "engine/review/review_data.hpp"

namespace pillars::review {

/// A reviewer's answer to one question. "Not applicable" needs a reason to count: it then
/// carries no risk; without a reason the question still counts as unanswered.
struct Answer {
  std::string choice;  // a choice id of the question
  bool notApplicable = false;
  std::string reason;
  std::string note;  // the reviewer's own words; no effect on the risk
  /// Accepted from the evidence's suggestion (Use suggestion, Accept All Suggestions): it
  /// follows the suggestion as the design changes (followSuggestions, answers_in_use.hpp).
  bool fromSuggestion = false;
  /// For an accepted suggestion: the evidence sentences that suggested it then, one per line,
  /// so the review can say when the evidence behind it has changed since.
  std::string basis{};
};
using Answers = std::map<std::string, Answer>;  // by question id

struct QuestionRisk {
  const Question* question = nullptr;
  std::string choice;      // empty when unanswered or not applicable
  bool answered = false;   // a valid choice, or not applicable with a reason
  bool notApplicable = false;
  Risk risk = Risk::None;  // None when unanswered: unanswered is tracked, not guessed
  int rule = -1;           // index of the risk rule that decided, or -1
};

struct PillarRiskCounts {
  std::string pillar;
  int questions = 0, answered = 0, notApplicable = 0, high = 0, medium = 0;
};

struct RiskReport {
  std::vector<QuestionRisk> questions;   // checklist order
  std::vector<PillarRiskCounts> pillars; // the five pillars in seed order, then others
  int total = 0, answered = 0, high = 0, medium = 0;
  /// answered / total, 0 to 1.
  double progress() const { return total > 0 ? static_cast<double>(answered) / total : 0.0; }
};

/// The first rule matching `choice` (and, for rules that look at evidence, an item with that
/// key suggesting the rule's value) decides. Returns None with `rule` -1 if nothing matches.
Risk riskFor(const Question& question, const std::string& choice, const std::vector<EvidenceItem>& evidence,
             int* rule = nullptr);

RiskReport evaluateRisks(const Checklist& checklist, const Answers& answers,
                         const std::vector<EvidenceItem>& evidence);

/// An answer the evidence suggests, and the sentences that suggest it.
struct SuggestedAnswer {
  std::string questionId;
  std::string choice;
  std::vector<const EvidenceItem*> because;
};

/// For each question whose evidence keys have items suggesting one of its choices: the worst
/// of "no" > "partly" > "yes" among them, or for other choices the first suggestion. Pointers
/// point into `evidence`.
std::vector<SuggestedAnswer> suggestAnswers(const Checklist& checklist, const std::vector<EvidenceItem>& evidence);

/// The suggestions as answers, ready for evaluateRisks.
Answers answersFrom(const std::vector<SuggestedAnswer>& suggestions);

}  // namespace pillars::review
