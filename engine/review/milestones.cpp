#include "engine/review/milestones.hpp"

namespace pillars::review {

MilestoneComparison compareMilestones(const Checklist& checklist, const Milestone& earlier, const Milestone& later,
                                      const std::vector<EvidenceItem>& evidence) {
  const RiskReport before = evaluateRisks(checklist, earlier.answers, evidence);
  const RiskReport after = evaluateRisks(checklist, later.answers, evidence);
  MilestoneComparison c;
  c.high = after.high - before.high;
  c.medium = after.medium - before.medium;
  // Both reports list the same pillars and questions in the same order: one checklist.
  for (std::size_t i = 0; i < after.pillars.size() && i < before.pillars.size(); ++i) {
    const auto& a = after.pillars[i];
    const auto& b = before.pillars[i];
    c.pillars.push_back(PillarRiskChange{a.pillar, a.high - b.high, a.medium - b.medium, a.answered - b.answered});
  }
  for (std::size_t i = 0; i < after.questions.size() && i < before.questions.size(); ++i) {
    if (after.questions[i].risk == before.questions[i].risk) continue;
    c.questions.push_back(QuestionRiskChange{after.questions[i].question->id, before.questions[i].risk,
                                             after.questions[i].risk});
  }
  return c;
}

}  // namespace pillars::review
