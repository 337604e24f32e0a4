// TopologyDocument, its review: answers, milestones and the recommender's facts, each change one
// undo step (SetReviewCommand), and a recommended pattern applied to the design.
#include "engine/review/apply_pattern.hpp"
#include "widgets/document/commands/set_review_command.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

void TopologyDocument::setReviewAnswer(const std::string& questionId, const review::Answer& answer) {
  setReviewAnswers({{questionId, answer}}, tr("Answer %1").arg(QString::fromStdString(questionId)));
}

void TopologyDocument::setReviewAnswers(const review::Answers& answers, const QString& label) {
  ProjectReview after = m_review;
  for (const auto& [questionId, answer] : answers) {
    const bool empty = answer.choice.empty() && !answer.notApplicable && answer.reason.empty() && answer.note.empty();
    if (empty) {
      after.answers.erase(questionId);
    } else {
      after.answers[questionId] = answer;
    }
  }
  if (after == m_review) return;
  m_undo.push(new SetReviewCommand(*this, std::move(after), label));
}

void TopologyDocument::addMilestone(const std::string& name, const std::string& date, const review::Answers* answers) {
  ProjectReview after = m_review;
  // A milestone freezes the answers as they were: none of them follows the design any more.
  review::Answers frozen = answers ? *answers : m_review.answers;
  for (auto& [id, answer] : frozen) {
    answer.fromSuggestion = false;
    answer.basis.clear();
  }
  after.milestones.push_back(review::Milestone{name, std::move(frozen), date});
  m_undo.push(new SetReviewCommand(*this, std::move(after), tr("Milestone %1").arg(QString::fromStdString(name))));
}

void TopologyDocument::setReviewFacts(const std::map<std::string, std::string>& facts) {
  if (facts == m_review.facts) return;
  ProjectReview after = m_review;
  after.facts = facts;
  m_undo.push(new SetReviewCommand(*this, std::move(after), tr("Recommender facts")));
}

void TopologyDocument::assignReview(UndoCommandKey, ProjectReview review) {
  m_review = std::move(review);
  emit reviewChanged();
}

QString TopologyDocument::applyPattern(const review::ApplyHint& hint, const QString& label) {
  Scenario next = scenarioWithPositions();
  const std::string error = review::applyHint(next, hint);
  if (!error.empty()) return QString::fromStdString(error);
  pushRestructure(label, std::move(next));
  return {};
}

}  // namespace pillars
