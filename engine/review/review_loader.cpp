#include "engine/review/review_loader.hpp"

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <sstream>

#include "engine/review/facts.hpp"
#include "engine/util/units.hpp"

namespace pillars::review {

namespace {

constexpr std::size_t kMaxErrors = 100;

std::string inQuotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::string describe(const JsonValue& v) {
  if (v.isString()) return "the string " + inQuotes(v.asString());
  if (v.isNumber()) return "the number " + formatNumber(v.asNumber());
  if (v.isBool()) return v.asBool() ? "true" : "false";
  return v.typeName();
}

/// Ids are short machine names: lower-case letters, digits, '_', '-' and '.'.
bool isDataId(std::string_view s) {
  if (s.empty() || s.size() > 128) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  });
}

/// Typed access to one file's JSON that turns every mismatch into a located diagnostic. Each
/// reader returns an empty value after reporting, so one mistake gives one message.
class FieldReader {
 public:
  FieldReader(std::string file, std::vector<Diagnostic>& errors) : m_file(std::move(file)), m_errors(errors) {}

  const std::string& file() const { return m_file; }

  void error(const JsonValue& at, const JsonPath& path, std::string message) {
    if (m_errors.size() >= kMaxErrors) return;
    m_errors.push_back(Diagnostic{m_file, at.location(), path.str(), std::move(message)});
  }
  void expected(const JsonValue& v, const JsonPath& path, std::string_view what) {
    error(v, path, "expected " + std::string(what) + ", got " + describe(v));
  }

  bool object(const JsonValue& v, const JsonPath& path) {
    if (v.isObject()) return true;
    expected(v, path, "an object");
    return false;
  }

  void knownKeys(const JsonValue& obj, const JsonPath& path, std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : obj.members()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      error(value, path.key(key), "unknown field " + inQuotes(key) + " (expected one of: " + list + ")");
    }
  }

  const JsonValue* field(const JsonValue& obj, const JsonPath& path, std::string_view key, bool required) {
    const JsonValue* v = obj.find(key);
    if (!v && required) error(obj, path, "missing required field " + inQuotes(key));
    return v;
  }

  std::string string(const JsonValue& obj, const JsonPath& path, std::string_view key, bool required = true) {
    const JsonValue* v = field(obj, path, key, required);
    if (!v) return {};
    if (!v->isString() || v->asString().empty()) {
      expected(*v, path.key(key), "a non-empty string");
      return {};
    }
    return v->asString();
  }

  std::string id(const JsonValue& obj, const JsonPath& path, std::string_view key) {
    const JsonValue* v = field(obj, path, key, true);
    if (!v) return {};
    if (!v->isString() || !isDataId(v->asString())) {
      expected(*v, path.key(key), "an id of lower-case letters, digits, '_', '-' and '.'");
      return {};
    }
    return v->asString();
  }

  std::string oneOf(const JsonValue& obj, const JsonPath& path, std::string_view key,
                    const std::vector<std::string>& allowed, bool required = true) {
    const JsonValue* v = field(obj, path, key, required);
    if (!v) return {};
    if (v->isString() && std::find(allowed.begin(), allowed.end(), v->asString()) != allowed.end()) {
      return v->asString();
    }
    expected(*v, path.key(key), "one of " + joined(allowed));
    return {};
  }

  /// Calls each(item, path) for every element of the array at `key`.
  template <typename Each>
  void array(const JsonValue& obj, const JsonPath& path, std::string_view key, bool required, Each each,
             bool nonEmpty = true) {
    const JsonValue* v = field(obj, path, key, required);
    if (!v) return;
    if (!v->isArray() || (nonEmpty && v->items().empty())) {
      expected(*v, path.key(key), nonEmpty ? "a non-empty array" : "an array");
      return;
    }
    for (std::size_t i = 0; i < v->items().size(); ++i) each(v->items()[i], path.key(key).index(i));
  }

  std::vector<std::string> strings(const JsonValue& obj, const JsonPath& path, std::string_view key,
                                   bool required, bool nonEmpty = true) {
    std::vector<std::string> out;
    array(obj, path, key, required, [&](const JsonValue& item, const JsonPath& at) {
      if (item.isString() && !item.asString().empty()) {
        out.push_back(item.asString());
      } else {
        expected(item, at, "a non-empty string");
      }
    }, nonEmpty);
    return out;
  }

 private:
  std::string m_file;
  std::vector<Diagnostic>& m_errors;
};

/// Remembers where each id was first defined, to report a second definition.
class IdRegistry {
 public:
  /// Returns false (after reporting) when `id` of this `what` is already defined.
  bool claim(FieldReader& r, const JsonValue& at, const JsonPath& path, const std::string& what,
             const std::string& id) {
    if (id.empty()) return true;
    const auto [it, inserted] = m_owners.emplace(what + "\n" + id, r.file());
    if (!inserted) {
      r.error(at, path, what + " id " + inQuotes(id) + " is already defined in " + it->second);
      return false;
    }
    return true;
  }

 private:
  std::map<std::string, std::string> m_owners;
};

/// Reads the files of one library, in the order the formats depend on each other.
class LibraryReader {
 public:
  explicit LibraryReader(LibraryLoad& load) : m_load(load), m_lib(load.library) {}

  void read(const std::string& file, const JsonValue& root, std::string_view format) {
    FieldReader r(file, m_load.errors);
    if (format == kPatternsFormat) return readPatterns(r, root);
    if (format == kChecklistFormat) return readChecklist(r, root);
    if (format == kDecisionTreeFormat) return readTree(r, root);
    if (format == kDecisionMatrixFormat) return readMatrix(r, root);
    if (format == kReferenceTableFormat) return readTable(r, root);
  }

 private:
  const JsonPath m_root = JsonPath::root();

  // --- patterns ---------------------------------------------------------------------------
  void readPatterns(FieldReader& r, const JsonValue& root) {
    r.knownKeys(root, m_root, {"format", "version", "id", "title", "patterns"});
    r.id(root, m_root, "id");
    r.string(root, m_root, "title");
    r.array(root, m_root, "patterns", true, [&](const JsonValue& v, const JsonPath& path) {
      if (!r.object(v, path)) return;
      r.knownKeys(v, path, {"id", "name", "pillar", "aliases", "use_when", "dont_use_when", "complexity",
                            "cost", "apply"});
      Pattern p;
      p.file = r.file();
      p.id = r.id(v, path, "id");
      p.name = r.string(v, path, "name");
      p.pillar = r.oneOf(v, path, "pillar", pillarNames());
      if (v.find("aliases")) p.aliases = r.strings(v, path, "aliases", false);
      if (const JsonValue* c = v.find("use_when")) p.useWhen = readCondition(r, *c, path.key("use_when"));
      if (const JsonValue* c = v.find("dont_use_when")) p.dontUseWhen = readCondition(r, *c, path.key("dont_use_when"));
      // A row of the comparison table has all four cells; other patterns have none.
      const bool inTable = v.find("use_when") || v.find("dont_use_when") || v.find("complexity") || v.find("cost");
      if (inTable) {
        p.complexity = r.oneOf(v, path, "complexity", {"Low", "Medium", "High", "Very High"});
        p.cost = r.oneOf(v, path, "cost", {"$", "$$", "$$$", "$$$$"});
        if (!v.find("use_when")) r.error(v, path, "missing required field \"use_when\" (a row of the comparison table has all its cells)");
        if (!v.find("dont_use_when")) r.error(v, path, "missing required field \"dont_use_when\" (a row of the comparison table has all its cells)");
      }
      if (const JsonValue* a = v.find("apply")) {
        const JsonPath at = path.key("apply");
        if (r.object(*a, at)) {
          r.knownKeys(*a, at, {"action", "target"});
          p.apply = ApplyHint{r.oneOf(*a, at, "action", applyActions()), r.oneOf(*a, at, "target", applyTargets())};
        }
      }
      if (!m_ids.claim(r, v.find("id") ? *v.find("id") : v, path.key("id"), "pattern", p.id)) return;
      // Names are what trees and matrices refer to, so they must be unique too.
      for (const auto& name : withAliases(p)) {
        if (const Pattern* other = m_lib.findPatternByName(name)) {
          r.error(v, path, "pattern name " + inQuotes(name) + " is already used by pattern " + inQuotes(other->id) +
                               " in " + other->file);
        }
      }
      m_lib.patterns.push_back(std::move(p));
    });
  }

  static std::vector<std::string> withAliases(const Pattern& p) {
    std::vector<std::string> names{p.name};
    names.insert(names.end(), p.aliases.begin(), p.aliases.end());
    return names;
  }

  static const std::vector<std::string>& applyActions() {
    static const std::vector<std::string> actions{"add_load_balancer", "add_replica", "shard", "add_cache",
                                                  "enable_health_checks", "add_crash_fault", "add_instance",
                                                  "enable_circuit_breakers", "add_autoscaler", "add_chaos_monkey"};
    return actions;
  }
  static const std::vector<std::string>& applyTargets() {
    static const std::vector<std::string> targets{"entry_service", "unreplicated_store", "data_store",
                                                  "balancer_without_health_checks", "single_point_of_failure",
                                                  "hottest_service", "caller_without_breaker", "unscaled_service",
                                                  "replicated_service"};
    return targets;
  }

  std::optional<Condition> readCondition(FieldReader& r, const JsonValue& v, const JsonPath& path) {
    if (!r.object(v, path)) return std::nullopt;
    r.knownKeys(v, path, {"text", "fact", "op", "value", "note"});
    Condition c;
    c.text = r.string(v, path, "text");
    c.op = r.oneOf(v, path, "op", {">", ">=", "<", "<=", "==", "!="});
    if (const JsonValue* n = v.find("note")) {
      if (n->isString()) c.note = n->asString();
      else r.expected(*n, path.key("note"), "a string");
    }
    std::vector<std::string> factNames;
    for (const auto& d : factDefinitions()) factNames.push_back(d.name);
    c.fact = r.oneOf(v, path, "fact", factNames);
    const JsonValue* value = r.field(v, path, "value", true);
    const FactDefinition* def = findFactDefinition(c.fact);
    if (!value || !def) return c;
    const JsonPath at = path.key("value");
    switch (def->type) {
      case FactType::Number:
        if (value->isNumber()) c.value = value->asNumber();
        else r.expected(*value, at, "a number (" + c.fact + " is a number)");
        break;
      case FactType::Boolean:
        if (value->isBool()) c.value = value->asBool();
        else r.expected(*value, at, "true or false (" + c.fact + " is yes or no)");
        if (c.op != "==" && c.op != "!=") r.error(v, path.key("op"), "expected == or != for the yes/no fact " + c.fact);
        break;
      case FactType::Word:
        if (value->isString() && std::find(def->words.begin(), def->words.end(), value->asString()) != def->words.end()) {
          c.value = value->asString();
        } else {
          r.expected(*value, at, "one of " + joined(def->words));
        }
        if (c.op != "==" && c.op != "!=") r.error(v, path.key("op"), "expected == or != for the word fact " + c.fact);
        break;
    }
    return c;
  }

  // --- checklist --------------------------------------------------------------------------
  void readChecklist(FieldReader& r, const JsonValue& root) {
    r.knownKeys(root, m_root, {"format", "version", "id", "title", "description", "sections"});
    Checklist c;
    c.file = r.file();
    c.id = r.id(root, m_root, "id");
    c.title = r.string(root, m_root, "title");
    c.description = r.string(root, m_root, "description", false);
    r.array(root, m_root, "sections", true, [&](const JsonValue& v, const JsonPath& path) {
      if (!r.object(v, path)) return;
      r.knownKeys(v, path, {"id", "title", "pillar", "questions"});
      Section s;
      s.id = r.id(v, path, "id");
      s.title = r.string(v, path, "title");
      s.pillar = r.oneOf(v, path, "pillar", pillarNames());
      r.array(v, path, "questions", true, [&](const JsonValue& q, const JsonPath& qpath) {
        if (auto question = readQuestion(r, q, qpath)) s.questions.push_back(std::move(*question));
      });
      c.sections.push_back(std::move(s));
    });
    const JsonValue* idValue = root.find("id");
    if (m_ids.claim(r, idValue ? *idValue : root, m_root.key("id"), "checklist", c.id)) {
      m_lib.checklists.push_back(std::move(c));
    }
  }

  std::optional<Question> readQuestion(FieldReader& r, const JsonValue& v, const JsonPath& path) {
    if (!r.object(v, path)) return std::nullopt;
    r.knownKeys(v, path, {"id", "pillar", "text", "choices", "risk_rules", "improvement", "links", "evidence"});
    Question q;
    q.id = r.id(v, path, "id");
    q.pillar = r.oneOf(v, path, "pillar", pillarNames());
    q.text = r.string(v, path, "text");
    q.improvement = r.string(v, path, "improvement");
    r.array(v, path, "choices", true, [&](const JsonValue& c, const JsonPath& cpath) {
      if (!r.object(c, cpath)) return;
      r.knownKeys(c, cpath, {"id", "label"});
      AnswerChoice choice{r.id(c, cpath, "id"), r.string(c, cpath, "label")};
      if (choice.id == "not_applicable") {
        r.error(c, cpath.key("id"), "\"not_applicable\" is reserved: every question can be marked not applicable with a reason");
      } else if (q.findChoice(choice.id)) {
        r.error(c, cpath.key("id"), "choice " + inQuotes(choice.id) + " appears twice");
      }
      q.choices.push_back(std::move(choice));
    });
    std::vector<std::string> choiceIds;
    for (const auto& c : q.choices) choiceIds.push_back(c.id);
    std::vector<std::string> riskNames{"none", "medium", "high"};
    r.array(v, path, "risk_rules", true, [&](const JsonValue& rv, const JsonPath& rpath) {
      if (!r.object(rv, rpath)) return;
      r.knownKeys(rv, rpath, {"answer", "evidence", "risk"});
      RiskRule rule;
      if (!choiceIds.empty()) rule.answer = r.oneOf(rv, rpath, "answer", choiceIds);
      rule.risk = riskFromName(r.oneOf(rv, rpath, "risk", riskNames)).value_or(Risk::None);
      if (const JsonValue* e = rv.find("evidence")) {
        const JsonPath epath = rpath.key("evidence");
        if (r.object(*e, epath)) {
          r.knownKeys(*e, epath, {"key", "suggests"});
          rule.evidenceKey = r.oneOf(*e, epath, "key", evidenceKeys());
          rule.evidenceSuggests = r.string(*e, epath, "suggests");
        }
      }
      q.riskRules.push_back(std::move(rule));
    });
    // Every answer must lead to a risk, or the review could not count it. A rule whose answer
    // was already reported is left out of this check: one mistake, one message.
    const bool rulesRead = std::none_of(q.riskRules.begin(), q.riskRules.end(),
                                        [](const RiskRule& rule) { return rule.answer.empty(); });
    if (rulesRead && v.find("risk_rules") && v.find("choices")) {
      for (const auto& c : q.choices) {
        const bool covered = std::any_of(q.riskRules.begin(), q.riskRules.end(), [&](const RiskRule& rule) {
          return rule.answer == c.id && rule.evidenceKey.empty();
        });
        if (!covered && !c.id.empty()) {
          r.error(*v.find("risk_rules"), path.key("risk_rules"),
                  "no rule without evidence gives a risk for the answer " + inQuotes(c.id));
        }
      }
    }
    if (v.find("links")) {
      r.array(v, path, "links", false, [&](const JsonValue& l, const JsonPath& lpath) {
        if (!r.object(l, lpath)) return;
        r.knownKeys(l, lpath, {"title", "url"});
        q.links.push_back(HelpLink{r.string(l, lpath, "title"), r.string(l, lpath, "url")});
      }, false);
    }
    r.array(v, path, "evidence", true, [&](const JsonValue& e, const JsonPath& epath) {
      if (e.isString() && isEvidenceKey(e.asString())) {
        q.evidence.push_back(e.asString());
      } else {
        r.expected(e, epath, "an evidence key (one of " + joined(evidenceKeys()) + ")");
      }
    }, false);
    const JsonValue* idValue = v.find("id");
    if (!m_ids.claim(r, idValue ? *idValue : v, path.key("id"), "question", q.id)) return std::nullopt;
    return q;
  }

  // --- decision tree ----------------------------------------------------------------------
  void readTree(FieldReader& r, const JsonValue& root) {
    r.knownKeys(root, m_root, {"format", "version", "id", "title", "start", "nodes"});
    DecisionTree t;
    t.file = r.file();
    t.id = r.id(root, m_root, "id");
    t.title = r.string(root, m_root, "title");
    t.start = r.string(root, m_root, "start");
    std::vector<std::pair<std::string, JsonPath>> references;  // node ids named by answers / then
    std::vector<const JsonValue*> referenceValues;
    r.array(root, m_root, "nodes", true, [&](const JsonValue& v, const JsonPath& path) {
      if (!r.object(v, path)) return;
      r.knownKeys(v, path, {"id", "text", "answers", "result", "then"});
      TreeNode n;
      n.id = r.id(v, path, "id");
      n.text = r.string(v, path, "text");
      if (t.find(n.id)) r.error(v, path.key("id"), "node " + inQuotes(n.id) + " appears twice");
      if (v.find("answers")) {
        r.array(v, path, "answers", false, [&](const JsonValue& a, const JsonPath& apath) {
          if (!r.object(a, apath)) return;
          r.knownKeys(a, apath, {"label", "next"});
          TreeAnswer answer{r.string(a, apath, "label"), r.string(a, apath, "next")};
          if (a.find("next")) {
            references.emplace_back(answer.next, apath.key("next"));
            referenceValues.push_back(a.find("next"));
          }
          n.answers.push_back(std::move(answer));
        });
      }
      if (const JsonValue* res = v.find("result")) {
        const JsonPath rpath = path.key("result");
        if (r.object(*res, rpath)) {
          r.knownKeys(*res, rpath, {"pillar", "patterns"});
          TreeResult result;
          result.pillar = r.oneOf(*res, rpath, "pillar", pillarNames());
          result.patterns = r.strings(*res, rpath, "patterns", true);
          result.patternIds = resolvePatterns(r, *res, rpath.key("patterns"), result.patterns);
          n.result = std::move(result);
        }
      }
      if (const JsonValue* then = v.find("then")) {
        if (then->isString()) {
          n.then = then->asString();
          references.emplace_back(n.then, path.key("then"));
          referenceValues.push_back(then);
        } else {
          r.expected(*then, path.key("then"), "a node id");
        }
      }
      // A node either asks (answers) or concludes (result); "then" only follows a result.
      const bool asks = v.find("answers") != nullptr;
      const bool concludes = v.find("result") != nullptr;
      if (asks && concludes) {
        r.error(v, path, "expected either \"answers\" (a question) or \"result\" (a conclusion), not both");
      } else if (!asks && !concludes) {
        r.error(v, path, "expected \"answers\" (a question) or \"result\" (a conclusion)");
      }
      if (!n.then.empty() && !n.result) r.error(v, path.key("then"), "\"then\" only follows a result node");
      t.nodes.push_back(std::move(n));
    });
    for (std::size_t i = 0; i < references.size(); ++i) {
      if (!references[i].first.empty() && !t.find(references[i].first)) {
        r.error(*referenceValues[i], references[i].second, "no node " + inQuotes(references[i].first) + " in this tree");
      }
    }
    if (!t.start.empty() && !t.find(t.start)) {
      r.error(*root.find("start"), m_root.key("start"), "no node " + inQuotes(t.start) + " in this tree");
    }
    const JsonValue* idValue = root.find("id");
    if (m_ids.claim(r, idValue ? *idValue : root, m_root.key("id"), "decision tree", t.id)) {
      m_lib.trees.push_back(std::move(t));
    }
  }

  /// Pattern names as written -> pattern ids; `owner` holds the names under "patterns".
  std::vector<std::string> resolvePatterns(FieldReader& r, const JsonValue& owner, const JsonPath& path,
                                           const std::vector<std::string>& names) {
    std::vector<std::string> ids;
    const JsonValue* list = owner.find("patterns");
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (const Pattern* p = m_lib.findPatternByName(names[i])) {
        ids.push_back(p->id);
      } else {
        const JsonValue& at = list && i < list->items().size() ? list->items()[i] : owner;
        r.error(at, path.index(i), "unknown pattern " + inQuotes(names[i]) +
                                       " (expected a name or alias from a pillars-patterns file)");
      }
    }
    return ids;
  }

  // --- decision matrix --------------------------------------------------------------------
  void readMatrix(FieldReader& r, const JsonValue& root) {
    r.knownKeys(root, m_root, {"format", "version", "id", "title", "rows"});
    DecisionMatrix m;
    m.file = r.file();
    m.id = r.id(root, m_root, "id");
    m.title = r.string(root, m_root, "title");
    r.array(root, m_root, "rows", true, [&](const JsonValue& v, const JsonPath& path) {
      if (!r.object(v, path)) return;
      r.knownKeys(v, path, {"id", "problem", "primary", "secondary", "start_with", "patterns"});
      MatrixRow row;
      row.id = r.id(v, path, "id");
      row.problem = r.string(v, path, "problem");
      row.primary = r.oneOf(v, path, "primary", pillarNames());
      row.secondary = r.oneOf(v, path, "secondary", pillarNames());
      row.startWith = r.string(v, path, "start_with");
      row.patterns = r.strings(v, path, "patterns", true);
      row.patternIds = resolvePatterns(r, v, path.key("patterns"), row.patterns);
      if (m.find(row.id)) r.error(v, path.key("id"), "row " + inQuotes(row.id) + " appears twice");
      m.rows.push_back(std::move(row));
    });
    const JsonValue* idValue = root.find("id");
    if (m_ids.claim(r, idValue ? *idValue : root, m_root.key("id"), "decision matrix", m.id)) {
      m_lib.matrices.push_back(std::move(m));
    }
  }

  // --- reference tables -------------------------------------------------------------------
  void readTable(FieldReader& r, const JsonValue& root) {
    r.knownKeys(root, m_root, {"format", "version", "id", "title", "columns", "rows"});
    ReferenceTable t;
    t.file = r.file();
    t.id = r.id(root, m_root, "id");
    t.title = r.string(root, m_root, "title");
    t.columns = r.strings(root, m_root, "columns", true);
    r.array(root, m_root, "rows", true, [&](const JsonValue& v, const JsonPath& path) {
      if (!v.isArray() || v.items().size() != t.columns.size()) {
        r.expected(v, path, "an array of " + std::to_string(t.columns.size()) + " strings, one per column");
        return;
      }
      std::vector<std::string> cells;
      for (std::size_t i = 0; i < v.items().size(); ++i) {
        if (v.items()[i].isString()) cells.push_back(v.items()[i].asString());
        else r.expected(v.items()[i], path.index(i), "a string");
      }
      t.rows.push_back(std::move(cells));
    });
    const JsonValue* idValue = root.find("id");
    if (m_ids.claim(r, idValue ? *idValue : root, m_root.key("id"), "reference table", t.id)) {
      m_lib.tables.push_back(std::move(t));
    }
  }

  LibraryLoad& m_load;
  ReviewLibrary& m_lib;
  IdRegistry m_ids;
};

const std::vector<std::string>& formatsInReadingOrder() {
  // Patterns first: trees and matrices of any file refer to them by name.
  static const std::vector<std::string> formats{
      std::string(kPatternsFormat), std::string(kChecklistFormat), std::string(kDecisionTreeFormat),
      std::string(kDecisionMatrixFormat), std::string(kReferenceTableFormat)};
  return formats;
}

}  // namespace

LibraryLoad readReviewSources(const std::vector<ReviewSource>& sources) {
  LibraryLoad load;
  struct Parsed {
    const ReviewSource* source;
    JsonValue root;
    std::size_t formatRank;
  };
  std::vector<Parsed> parsed;
  const auto& formats = formatsInReadingOrder();
  for (const auto& source : sources) {
    auto result = parseJson(source.text);
    if (const auto* err = std::get_if<JsonError>(&result)) {
      load.errors.push_back(Diagnostic{source.file, err->location, "", "invalid JSON: " + err->message});
      continue;
    }
    JsonValue root = std::move(std::get<JsonValue>(result));
    const JsonPath path = JsonPath::root();
    if (!root.isObject()) {
      load.errors.push_back(Diagnostic{source.file, root.location(), path.str(),
                                       "expected a JSON object at the top of the file, got " + describe(root)});
      continue;
    }
    const JsonValue* format = root.find("format");
    const auto rank = format && format->isString()
                          ? std::find(formats.begin(), formats.end(), format->asString()) - formats.begin()
                          : static_cast<std::ptrdiff_t>(formats.size());
    if (rank == static_cast<std::ptrdiff_t>(formats.size())) {
      load.errors.push_back(Diagnostic{source.file, (format ? *format : root).location(),
                                       format ? path.key("format").str() : path.str(),
                                       "expected \"format\" to be one of " + joined(formats) +
                                           (format ? ", got " + describe(*format) : " (the field is missing)")});
      continue;
    }
    const JsonValue* version = root.find("version");
    if (!version || !version->isInteger() || version->asInt64() < 1) {
      load.errors.push_back(Diagnostic{source.file, (version ? *version : root).location(),
                                       version ? path.key("version").str() : path.str(),
                                       version ? "expected a format version number (1), got " + describe(*version)
                                               : "missing required field \"version\""});
      continue;
    }
    if (version->asInt64() > kReviewFormatVersion) {
      load.errors.push_back(Diagnostic{source.file, version->location(), path.key("version").str(),
                                       "format version " + std::to_string(version->asInt64()) +
                                           " is newer than this version of Pillars supports (1); upgrade Pillars"});
      continue;
    }
    parsed.push_back(Parsed{&source, std::move(root), static_cast<std::size_t>(rank)});
  }
  // Stable: files of one format keep the order they were given in (bundled before user).
  std::stable_sort(parsed.begin(), parsed.end(),
                   [](const Parsed& a, const Parsed& b) { return a.formatRank < b.formatRank; });
  LibraryReader reader(load);
  for (const auto& p : parsed) reader.read(p.source->file, p.root, formats[p.formatRank]);
  return load;
}

std::vector<std::filesystem::path> reviewFilesIn(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(folder, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".json") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

LibraryLoad loadReviewFolders(const std::vector<std::filesystem::path>& folders) {
  std::vector<ReviewSource> sources;
  std::vector<Diagnostic> folderErrors;
  for (const auto& folder : folders) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
      folderErrors.push_back(Diagnostic{folder.string(), {}, "", "not a folder of review files"});
      continue;
    }
    for (const auto& file : reviewFilesIn(folder)) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in && !in.eof()) {
        folderErrors.push_back(Diagnostic{file.string(), {}, "", "cannot read the file"});
        continue;
      }
      sources.push_back(ReviewSource{file.string(), text.str()});
    }
  }
  LibraryLoad load = readReviewSources(sources);
  load.errors.insert(load.errors.begin(), folderErrors.begin(), folderErrors.end());
  return load;
}

}  // namespace pillars::review
