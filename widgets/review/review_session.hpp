#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/review/facts.hpp"
#include "engine/review/review_loader.hpp"
#include "engine/review/risk.hpp"
#include "engine/review/saturation.hpp"
#include "engine/run/run_results.hpp"

namespace pillars {

class TopologyDocument;

/// What the review panels show, kept current: the app's review data (bundled plus the user's
/// checklists, see review_library.hpp), the checklist chosen among them, the
/// evidence the document's topology and last run give (hot spots judged over the run's time
/// series), the answers it suggests, the document's answers as they stand (an answer accepted
/// from a suggestion follows the evidence) and their risks. Recomputed whenever the document, its
/// last run or its answers change; `updated()` then tells the views.
class ReviewSession final : public QObject {
  Q_OBJECT

 public:
  explicit ReviewSession(TopologyDocument& document, QObject* parent = nullptr);

  TopologyDocument& document() { return m_document; }
  /// The review data, or nothing when it could not be loaded (then loadError() says why).
  const review::ReviewLibrary* library() const { return m_library.get(); }
  QString loadError() const { return m_loadError; }
  /// The located errors of the user's checklist files when they were left out (the bundled
  /// data is then used alone), else empty.
  QString userError() const { return m_userError; }
  /// The chosen checklist (the 5-Minute Architecture Review unless another was chosen), or
  /// null without data.
  const review::Checklist* checklist() const { return m_checklist; }
  /// The id of the chosen checklist; the report is built for it.
  std::string checklistId() const { return m_checklist ? m_checklist->id : std::string(kDefaultChecklistId); }
  /// Chooses the checklist the panels show; an unknown id changes nothing and returns false.
  bool chooseChecklist(const std::string& id);
  /// Reads the bundled and user checklists again (Review › Reload Checklists), keeping the
  /// chosen checklist when it is still there.
  void reloadLibrary();

  static constexpr const char* kDefaultChecklistId = "five-minute-review";

  const std::vector<review::EvidenceItem>& evidence() const { return m_evidence; }
  /// The evidence items a question lists, in evidence order.
  std::vector<const review::EvidenceItem*> evidenceFor(const review::Question& question) const;
  /// The answer the evidence suggests for a question, or null.
  const review::SuggestedAnswer* suggestionFor(const std::string& questionId) const;
  /// The document's answers as the review uses them: accepted suggestions follow the evidence.
  const review::Answers& answers() const { return m_answers; }
  /// Whether the evidence behind an accepted suggestion changed since it was accepted.
  bool evidenceChangedSince(const std::string& questionId) const;
  /// The risks of the document's answers.
  const review::RiskReport& report() const { return m_report; }
  /// The measured figures of the document's last run, when it has one that can be read.
  const RunResults* lastRun() const { return m_run ? &*m_run : nullptr; }
  /// Facts for the recommender, prefilled from the topology and the last run.
  review::Facts prefilledFacts() const;
  /// The facts the review uses: the prefilled ones with the reviewer's typed over them
  /// (the document's ProjectReview::facts).
  review::Facts facts() const;

  /// Recomputes everything from the document now.
  void refresh();

 signals:
  /// The data or the chosen checklist changed: the questions shown must be rebuilt.
  void checklistChanged();
  void updated();

 private:
  /// Takes the app's current review data, choosing `wanted` when it has that checklist.
  void adoptLibrary(const std::string& wanted);

  TopologyDocument& m_document;
  std::shared_ptr<const review::ReviewLibrary> m_library;
  QString m_loadError;
  QString m_userError;
  const review::Checklist* m_checklist = nullptr;
  std::optional<RunResults> m_run;
  std::vector<review::EvidenceItem> m_evidence;
  std::vector<review::SuggestedAnswer> m_suggestions;
  review::Answers m_answers;
  std::vector<review::ComponentSaturation> m_saturation;
  review::RiskReport m_report;
};

}  // namespace pillars
