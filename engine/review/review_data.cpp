#include "engine/review/review_data.hpp"

#include "engine/util/units.hpp"

namespace pillars::review {

std::string_view riskName(Risk risk) {
  switch (risk) {
    case Risk::None: return "none";
    case Risk::Medium: return "medium";
    case Risk::High: return "high";
  }
  return "none";
}

std::optional<Risk> riskFromName(std::string_view name) {
  if (name == "none") return Risk::None;
  if (name == "medium") return Risk::Medium;
  if (name == "high") return Risk::High;
  return std::nullopt;
}

const std::vector<std::string>& pillarNames() {
  static const std::vector<std::string> names{"work", "state", "truth", "control", "intelligence"};
  return names;
}

bool isPillarName(std::string_view name) {
  for (const auto& n : pillarNames()) {
    if (n == name) return true;
  }
  return false;
}

const std::vector<std::string>& evidenceKeys() {
  static const std::vector<std::string> keys{
      "load_balancing_policy", "health_checks", "replication", "single_points_of_failure",
      "partitioning", "caches", "queues", "zones", "retries", "retry_amplification",
      "deployment_strategy", "rollback", "auto_restart", "autoscaling", "slo_alerts", "intelligence_maturity", "chaos_experiments", "fault_experiments", "measured_availability", "latency_p99", "drops", "utilization_hot_spots",
      "durability", "lost_writes", "consistency_model", "stale_reads", "conflict_resolution"};
  return keys;
}

bool isEvidenceKey(std::string_view key) {
  for (const auto& k : evidenceKeys()) {
    if (k == key) return true;
  }
  return false;
}

std::string formatFactValue(const FactValue& value) {
  if (const auto* d = std::get_if<double>(&value)) return formatNumber(*d);
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "yes" : "no";
  return std::get<std::string>(value);
}

const AnswerChoice* Question::findChoice(std::string_view choiceId) const {
  for (const auto& c : choices) {
    if (c.id == choiceId) return &c;
  }
  return nullptr;
}

std::vector<const Question*> Checklist::questions() const {
  std::vector<const Question*> out;
  for (const auto& s : sections) {
    for (const auto& q : s.questions) out.push_back(&q);
  }
  return out;
}

const TreeNode* DecisionTree::find(std::string_view nodeId) const {
  for (const auto& n : nodes) {
    if (n.id == nodeId) return &n;
  }
  return nullptr;
}

const MatrixRow* DecisionMatrix::find(std::string_view rowId) const {
  for (const auto& r : rows) {
    if (r.id == rowId) return &r;
  }
  return nullptr;
}

const Pattern* ReviewLibrary::findPattern(std::string_view id) const {
  for (const auto& p : patterns) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

const Pattern* ReviewLibrary::findPatternByName(std::string_view name) const {
  for (const auto& p : patterns) {
    if (p.name == name) return &p;
    for (const auto& a : p.aliases) {
      if (a == name) return &p;
    }
  }
  return nullptr;
}

const Question* ReviewLibrary::findQuestion(std::string_view id) const {
  for (const auto& c : checklists) {
    for (const auto& s : c.sections) {
      for (const auto& q : s.questions) {
        if (q.id == id) return &q;
      }
    }
  }
  return nullptr;
}

const Checklist* ReviewLibrary::findChecklist(std::string_view id) const {
  for (const auto& c : checklists) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const DecisionTree* ReviewLibrary::findTree(std::string_view id) const {
  for (const auto& t : trees) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

}  // namespace pillars::review
