#pragma once
// The review data of checklists/ as C++ values: the checklist, the decision tree, the decision
// matrix, the pattern table and the reference tables. The JSON format of each is documented in
// docs/checklist-format.md; review_loader.hpp reads and validates them.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pillars::review {

/// How much an answer worries the reviewer, as in the AWS Well-Architected Tool.
enum class Risk { None, Medium, High };
std::string_view riskName(Risk risk);  // "none", "medium", "high"
std::optional<Risk> riskFromName(std::string_view name);

/// The five pillar names as they appear in the data ("work", "state", ...), in seed order.
const std::vector<std::string>& pillarNames();
bool isPillarName(std::string_view name);

/// Every evidence key Pillars can gather (evidence.hpp), in a fixed order; checklists may only
/// name these.
const std::vector<std::string>& evidenceKeys();
bool isEvidenceKey(std::string_view key);

/// A value a rule compares a fact with: a number, a yes/no, or a word ("strong").
using FactValue = std::variant<double, bool, std::string>;
std::string formatFactValue(const FactValue& value);

/// "peak_rps > 1000": a threshold from the seed's table, with the seed's own words in `text`.
struct Condition {
  std::string text;   // "Traffic > 1000 req/s", verbatim from the seed
  std::string fact;   // a name from facts.hpp's factDefinitions()
  std::string op;     // one of >, >=, <, <=, ==, !=
  FactValue value;
  std::string note;   // optional: how Pillars reads a vague cell ("few" -> 3 or fewer)
};

/// A machine-readable suggestion to change the topology; the app executes it, not the engine.
struct ApplyHint {
  std::string action;  // "add_load_balancer", "add_replica", ...
  std::string target;  // in the data: a role ("entry_service"); once resolved: a component id
};

struct Pattern {
  std::string id;
  std::string name;  // as the seed writes it: "Load Balancer"
  std::string pillar;
  std::vector<std::string> aliases;  // other spellings the seed uses: "Load Balancing"
  std::optional<Condition> useWhen;      // only patterns of the comparison table have these
  std::optional<Condition> dontUseWhen;
  std::string complexity;  // "Low", "Medium", "High"; empty outside the table
  std::string cost;        // "$", "$$", "$$$"
  std::optional<ApplyHint> apply;
  std::string file;  // where it was defined, for clash messages
};

struct AnswerChoice {
  std::string id;     // "yes", "partly", "no", "unknown" or a question's own ("stream")
  std::string label;  // shown to people
};

/// "If the answer is `answer` (and the evidence `evidenceKey` suggests `evidenceSuggests`),
/// the risk is `risk`". Rules are tried in order; the first that matches decides.
struct RiskRule {
  std::string answer;
  std::string evidenceKey;       // empty: the rule does not look at evidence
  std::string evidenceSuggests;  // what that evidence must suggest for the rule to match
  Risk risk = Risk::None;
};

struct HelpLink {
  std::string title;
  std::string url;  // "seed:#anchor" points into the design document; others are public docs
};

struct Question {
  std::string id;  // globally unique: "work.load_balancing"
  std::string pillar;
  std::string text;  // verbatim from the seed
  std::vector<AnswerChoice> choices;
  std::vector<RiskRule> riskRules;
  std::string improvement;
  std::vector<HelpLink> links;
  std::vector<std::string> evidence;  // evidence keys that can suggest an answer

  const AnswerChoice* findChoice(std::string_view choiceId) const;
};

struct Section {
  std::string id;
  std::string title;
  std::string pillar;
  std::vector<Question> questions;
};

/// One checklist (a "lens" in Well-Architected terms): bundled or from a user folder.
struct Checklist {
  std::string id;
  std::string title;
  std::string description;
  std::vector<Section> sections;
  std::string file;

  std::vector<const Question*> questions() const;
};

struct TreeAnswer {
  std::string label;  // "Performance", "I/O", "Getting Complex"
  std::string next;   // node id
};

struct TreeResult {
  std::string pillar;
  std::vector<std::string> patterns;    // as the seed writes them: "Load Balancing"
  std::vector<std::string> patternIds;  // resolved against the pattern table by the loader
};

/// A question node has answers; a result node has a result and may lead on (`then`) to a
/// follow-up question, as the seed's four results all lead to "Still slow?".
struct TreeNode {
  std::string id;
  std::string text;
  std::vector<TreeAnswer> answers;
  std::optional<TreeResult> result;
  std::string then;  // follow-up node of a result, or empty
};

struct DecisionTree {
  std::string id;
  std::string title;
  std::string start;
  std::vector<TreeNode> nodes;
  std::string file;

  const TreeNode* find(std::string_view nodeId) const;
};

struct MatrixRow {
  std::string id;
  std::string problem;    // "System too slow"
  std::string primary;    // pillar
  std::string secondary;  // pillar
  std::string startWith;  // "Load Balancer → Caching", verbatim
  std::vector<std::string> patterns;    // as written
  std::vector<std::string> patternIds;  // resolved
};

struct DecisionMatrix {
  std::string id;
  std::string title;
  std::vector<MatrixRow> rows;
  std::string file;

  const MatrixRow* find(std::string_view rowId) const;
};

/// A table of the seed kept for reading only (CAP trade-offs, tech stack, ...).
struct ReferenceTable {
  std::string id;
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::string file;
};

/// Everything loaded: the bundled data plus any user folder, cross-checked.
struct ReviewLibrary {
  std::vector<Checklist> checklists;
  std::vector<DecisionTree> trees;
  std::vector<DecisionMatrix> matrices;
  std::vector<Pattern> patterns;
  std::vector<ReferenceTable> tables;

  const Pattern* findPattern(std::string_view id) const;
  /// By name or alias, exactly as written ("Load Balancing" finds load_balancer).
  const Pattern* findPatternByName(std::string_view name) const;
  const Question* findQuestion(std::string_view id) const;
  const Checklist* findChecklist(std::string_view id) const;
  const DecisionTree* findTree(std::string_view id) const;
};

}  // namespace pillars::review
