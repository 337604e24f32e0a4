#include "engine/review/answers_in_use.hpp"

namespace pillars::review {

const SuggestedAnswer* findSuggestion(const std::vector<SuggestedAnswer>& suggestions, const std::string& questionId) {
  for (const auto& s : suggestions) {
    if (s.questionId == questionId) return &s;
  }
  return nullptr;
}

Answers followSuggestions(const Answers& stored, const std::vector<SuggestedAnswer>& suggestions) {
  Answers out = stored;
  for (auto& [id, answer] : out) {
    if (!answer.fromSuggestion || answer.notApplicable) continue;
    if (const SuggestedAnswer* now = findSuggestion(suggestions, id)) answer.choice = now->choice;
  }
  return out;
}

std::string basisOf(const SuggestedAnswer& suggestion) {
  std::string basis;
  for (const EvidenceItem* e : suggestion.because) basis += (basis.empty() ? "" : "\n") + e->sentence;
  return basis;
}

Answer acceptedSuggestion(Answer answer, const SuggestedAnswer& suggestion) {
  answer.choice = suggestion.choice;
  answer.notApplicable = false;
  answer.reason.clear();
  answer.fromSuggestion = true;
  answer.basis = basisOf(suggestion);
  return answer;
}

bool evidenceChangedSince(const Answer& stored, const std::vector<SuggestedAnswer>& suggestions,
                          const std::string& questionId) {
  if (!stored.fromSuggestion || stored.notApplicable) return false;
  const SuggestedAnswer* now = findSuggestion(suggestions, questionId);
  if (!now) return true;  // nothing suggests it any more
  return now->choice != stored.choice || basisOf(*now) != stored.basis;
}

}  // namespace pillars::review
