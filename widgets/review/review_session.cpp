#include "widgets/review/review_session.hpp"

#include <QCoreApplication>
#include <algorithm>

#include "engine/io/results_reader.hpp"
#include "engine/review/data_location.hpp"
#include "engine/review/evidence.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

namespace {

/// The bundled review data, read once per process: it never changes while the app runs.
const review::LibraryLoad& bundledLibrary() {
  static const review::LibraryLoad load = [] {
    const auto folder = review::bundledChecklistsFolder(review::runningExecutableFolder());
    if (!folder) {
      review::LibraryLoad missing;
      missing.errors.push_back(Diagnostic{"checklists", {}, "",
                                          "cannot find the bundled checklists (share/pillars/checklists beside the "
                                          "program, or checklists/ in the source tree)"});
      return missing;
    }
    return review::loadReviewFolders({*folder});
  }();
  return load;
}

}  // namespace

ReviewSession::ReviewSession(TopologyDocument& document, QObject* parent) : QObject(parent), m_document(document) {
  const review::LibraryLoad& load = bundledLibrary();
  if (load.ok()) {
    m_library = load.library;
    m_checklist = m_library->findChecklist("five-minute-review");
    if (!m_checklist && !m_library->checklists.empty()) m_checklist = &m_library->checklists.front();
  } else {
    QStringList problems;
    for (const Diagnostic& d : load.errors) problems.append(QString::fromStdString(d.format()));
    m_loadError = problems.join(QLatin1Char('\n'));
  }
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

void ReviewSession::refresh() {
  m_run.reset();
  if (const auto& stored = m_document.lastRun()) m_run = readResultsJson(stored->summaryJson);
  review::EvidenceOptions options;
  const review::Facts facts = prefilledFacts();
  if (const auto target = facts.get("uptime_target_percent")) options.availabilityTargetPercent = std::get<double>(*target);
  m_evidence = review::gatherEvidence(m_document.scenario(), lastRun(), options);
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
