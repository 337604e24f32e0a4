#include "widgets/review/review_session.hpp"

#include <QCoreApplication>
#include <algorithm>

#include "engine/io/results_reader.hpp"
#include "engine/review/evidence.hpp"
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
  if (const auto& stored = m_document.lastRun()) m_run = readResultsJson(stored->summaryJson);
  review::EvidenceOptions options;
  const review::Facts facts = prefilledFacts();
  if (const auto target = facts.get("uptime_target_percent")) options.availabilityTargetPercent = std::get<double>(*target);
  m_evidence = review::gatherEvidence(m_document.scenario(), lastRun(), options);
  m_suggestions.clear();
  m_report = {};
  if (m_checklist) {
    m_suggestions = review::suggestAnswers(*m_checklist, m_evidence);
    m_report = review::evaluateRisks(*m_checklist, m_document.review().answers, m_evidence);
  }
  emit updated();
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
  for (const auto& s : m_suggestions) {
    if (s.questionId == questionId) return &s;
  }
  return nullptr;
}

review::Facts ReviewSession::prefilledFacts() const { return review::prefillFacts(m_document.scenario(), lastRun()); }

}  // namespace pillars
