#include "engine/review/risk.hpp"

#include <algorithm>

namespace pillars::review {

namespace {

bool evidenceSuggests(const std::vector<EvidenceItem>& evidence, const std::string& key, const std::string& value) {
  return std::any_of(evidence.begin(), evidence.end(),
                     [&](const EvidenceItem& e) { return e.key == key && e.suggests == value; });
}

/// Order of concern among the standard answers: a worse one wins when evidence disagrees.
int severity(const std::string& choice) {
  if (choice == "no") return 3;
  if (choice == "partly") return 2;
  if (choice == "yes") return 1;
  return 0;
}

PillarRiskCounts& countsFor(std::vector<PillarRiskCounts>& counts, const std::string& pillar) {
  for (auto& c : counts) {
    if (c.pillar == pillar) return c;
  }
  counts.push_back(PillarRiskCounts{pillar});
  return counts.back();
}

}  // namespace

Risk riskFor(const Question& question, const std::string& choice, const std::vector<EvidenceItem>& evidence, int* rule) {
  for (std::size_t i = 0; i < question.riskRules.size(); ++i) {
    const RiskRule& r = question.riskRules[i];
    if (r.answer != choice) continue;
    if (!r.evidenceKey.empty() && !evidenceSuggests(evidence, r.evidenceKey, r.evidenceSuggests)) continue;
    if (rule) *rule = static_cast<int>(i);
    return r.risk;
  }
  if (rule) *rule = -1;
  return Risk::None;
}

RiskReport evaluateRisks(const Checklist& checklist, const Answers& answers, const std::vector<EvidenceItem>& evidence) {
  RiskReport report;
  for (const auto& pillar : pillarNames()) report.pillars.push_back(PillarRiskCounts{pillar});
  for (const Question* q : checklist.questions()) {
    QuestionRisk qr;
    qr.question = q;
    PillarRiskCounts& counts = countsFor(report.pillars, q->pillar);
    ++counts.questions;
    ++report.total;
    const auto it = answers.find(q->id);
    if (it != answers.end()) {
      const Answer& a = it->second;
      if (a.notApplicable) {
        qr.notApplicable = true;
        qr.answered = !a.reason.empty();
      } else if (q->findChoice(a.choice)) {
        qr.choice = a.choice;
        qr.answered = true;
        qr.risk = riskFor(*q, a.choice, evidence, &qr.rule);
      }
    }
    if (qr.answered) {
      ++counts.answered;
      ++report.answered;
      if (qr.notApplicable) ++counts.notApplicable;
      if (qr.risk == Risk::High) ++counts.high, ++report.high;
      if (qr.risk == Risk::Medium) ++counts.medium, ++report.medium;
    }
    report.questions.push_back(qr);
  }
  return report;
}

std::vector<SuggestedAnswer> suggestAnswers(const Checklist& checklist, const std::vector<EvidenceItem>& evidence) {
  std::vector<SuggestedAnswer> out;
  for (const Question* q : checklist.questions()) {
    SuggestedAnswer s{q->id, "", {}};
    for (const auto& key : q->evidence) {
      for (const auto& e : evidence) {
        if (e.key != key) continue;
        if (e.suggests.empty() || !q->findChoice(e.suggests)) continue;
        s.because.push_back(&e);
        if (s.choice.empty() || severity(e.suggests) > severity(s.choice)) s.choice = e.suggests;
      }
    }
    if (!s.choice.empty()) out.push_back(std::move(s));
  }
  return out;
}

Answers answersFrom(const std::vector<SuggestedAnswer>& suggestions) {
  Answers answers;
  for (const auto& s : suggestions) answers[s.questionId] = Answer{s.choice, false, "", ""};
  return answers;
}

}  // namespace pillars::review
