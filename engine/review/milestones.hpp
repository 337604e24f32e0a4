#pragma once
// Milestones, as in the AWS Well-Architected Tool: a named snapshot of a review's answers, so
// the risk counts of today can be compared with those of an earlier design. Storing them in
// a project file is the report side's job; this is the comparison.

#include <string>
#include <vector>

#include "engine/review/risk.hpp"

namespace pillars::review {

struct Milestone {
  std::string name;  // "before the cache", "v2"
  Answers answers;
  std::string date;  // when it was taken, ISO 8601 ("2026-11-24T08:30:00Z"); set by the app
};

/// How one pillar's counts moved from one milestone to the next (later minus earlier).
struct PillarRiskChange {
  std::string pillar;
  int high = 0, medium = 0, answered = 0;
};

/// A question whose risk changed, with both risks ("unanswered" counts as None).
struct QuestionRiskChange {
  std::string questionId;
  Risk before = Risk::None, after = Risk::None;
};

struct MilestoneComparison {
  std::vector<PillarRiskChange> pillars;  // every pillar of the checklist, seed order
  std::vector<QuestionRiskChange> questions;  // only those that changed, checklist order
  int high = 0, medium = 0;  // totals, later minus earlier
};

/// Evaluates both milestones against the same checklist and evidence and compares them.
MilestoneComparison compareMilestones(const Checklist& checklist, const Milestone& earlier, const Milestone& later,
                                      const std::vector<EvidenceItem>& evidence);

}  // namespace pillars::review
