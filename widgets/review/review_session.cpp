#include "widgets/review/review_session.hpp"

#include <QCoreApplication>
#include <algorithm>

#include "engine/io/results_reader.hpp"
#include "engine/review/answers_in_use.hpp"
#include "engine/review/evidence.hpp"
#include "engine/review/fact_overrides.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/review/review_library.hpp"

namespace pillars {

ReviewSession::ReviewSession(TopologyDocument& document, QObject* parent) : QObject(parent), m_document(document) {
  adoptLibrary(kDefaultChecklistId);
  // Any change of the design can change the evidence; they are cheap to recompute (a few
  // graph walks over tens of components), so every signal simply recomputes.
  const auto again = [this] { refresh(); };
  connect(&document, &TopologyDocument::reset, this, again);
  connect(&document, &TopologyDocument::restructured, this, again);
  connect(&document, &TopologyDocument::componentAdded, this, again);
  connect(&document, &TopologyDocument::componentRemoved, this, again);
  connect(&document, &TopologyDocument::componentChanged, this, again);
  connect(&document, &TopologyDocument::linkAdded, this, again);
  connect(&document, &TopologyDocument::linkRemoved, this, again);
  connect(&document, &TopologyDocument::linkChanged, this, again);
  connect(&document, &TopologyDocument::groupChanged, this, again);
  connect(&document, &TopologyDocument::lastRunChanged, this, again);
  connect(&document, &TopologyDocument::reviewChanged, this, again);
  refresh();
}

void ReviewSession::adoptLibrary(const std::string& wanted) {
  const AppReviewLibrary& app = appReviewLibrary();
  m_library = app.library;
  m_loadError = app.error;
  m_userError = app.userError;
  m_checklist = nullptr;
  if (!m_library) return;
  m_checklist = m_library->findChecklist(wanted);
  if (!m_checklist) m_checklist = m_library->findChecklist(kDefaultChecklistId);
  if (!m_checklist && !m_library->checklists.empty()) m_checklist = &m_library->checklists.front();
}

bool ReviewSession::chooseChecklist(const std::string& id) {
  if (!m_library) return false;
  const review::Checklist* chosen = m_library->findChecklist(id);
  if (!chosen) return false;
  if (chosen == m_checklist) return true;
  m_checklist = chosen;
  emit checklistChanged();
  refresh();
  return true;
}

void ReviewSession::reloadLibrary() {
  const std::string wanted = checklistId();
  reloadAppReviewLibrary();
  adoptLibrary(wanted);
  emit checklistChanged();
  refresh();
}

void ReviewSession::refresh() {
  m_run.reset();
  m_saturation.clear();
  review::EvidenceOptions options;
  if (const auto& stored = m_document.runs().last()) {
    m_run = readResultsJson(stored->summaryJson);
    // Hot spots over time, not only the run's mean: saturated, then crashed, is still saturated.
    if (stored->series) m_saturation = review::saturationOverTime(*stored->series, options.hotSpotUtilization);
    options.saturation = &m_saturation;
  }
  if (const auto target = facts().get("uptime_target_percent")) options.availabilityTargetPercent = std::get<double>(*target);
  m_evidence = review::gatherEvidence(m_document.scenario(), lastRun(), options);
  m_suggestions.clear();
  m_report = {};
  m_answers = m_document.review().answers;
  if (m_checklist) {
    m_suggestions = review::suggestAnswers(*m_checklist, m_evidence);
    m_answers = review::followSuggestions(m_document.review().answers, m_suggestions);
    m_report = review::evaluateRisks(*m_checklist, m_answers, m_evidence);
  }
  emit updated();
}

bool ReviewSession::evidenceChangedSince(const std::string& questionId) const {
  const auto& stored = m_document.review().answers;
  const auto it = stored.find(questionId);
  return it != stored.end() && review::evidenceChangedSince(it->second, m_suggestions, questionId);
}

std::vector<const review::EvidenceItem*> ReviewSession::evidenceFor(const review::Question& question) const {
  std::vector<const review::EvidenceItem*> out;
  for (const auto& e : m_evidence) {
    if (std::find(question.evidence.begin(), question.evidence.end(), e.key) != question.evidence.end()) {
      out.push_back(&e);
    }
  }
  return out;
}

const review::SuggestedAnswer* ReviewSession::suggestionFor(const std::string& questionId) const {
  return review::findSuggestion(m_suggestions, questionId);
}

review::Facts ReviewSession::prefilledFacts() const { return review::prefillFacts(m_document.scenario(), lastRun()); }

review::Facts ReviewSession::facts() const {
  return review::factsWithOverrides(prefilledFacts(), m_document.review().facts);
}

}  // namespace pillars
