#pragma once
// Answers accepted from a suggestion follow the design: when the design changes, the evidence
// suggests another answer, and an answer that was only ever the suggestion takes the new one
// (after Apply Replication, "No replication, high risk" becomes "yes"). Answers the reviewer
// chose stay exactly as given.

#include <vector>

#include "engine/review/risk.hpp"

namespace pillars::review {

/// The suggestion for a question, or null.
const SuggestedAnswer* findSuggestion(const std::vector<SuggestedAnswer>& suggestions, const std::string& questionId);

/// `stored` with every answer accepted from a suggestion (Answer::fromSuggestion) set to what
/// the evidence suggests now. One whose question the evidence no longer speaks to keeps its
/// choice. Notes, reasons and the reviewer's own answers are untouched.
Answers followSuggestions(const Answers& stored, const std::vector<SuggestedAnswer>& suggestions);

/// The evidence sentences behind a suggestion, one per line: what an accepted answer keeps as
/// its basis (Answer::basis).
std::string basisOf(const SuggestedAnswer& suggestion);

/// An answer accepted from a suggestion as of now: the choice and the evidence behind it.
Answer acceptedSuggestion(Answer answer, const SuggestedAnswer& suggestion);

/// Whether the evidence behind an accepted suggestion has changed since it was accepted: another
/// answer is suggested now, or the same one for other reasons (Apply Replication gave db a
/// replica, yet "no" is still suggested, now because the new balancer is a single point of
/// failure). The review flags such answers for the reviewer to look at again.
bool evidenceChangedSince(const Answer& stored, const std::vector<SuggestedAnswer>& suggestions,
                          const std::string& questionId);

}  // namespace pillars::review
