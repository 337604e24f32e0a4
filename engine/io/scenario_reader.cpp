#include "engine/io/scenario_reader.hpp"

#include "engine/io/scenario_writer.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "engine/model/scenario_edits.hpp"
#include "engine/util/units.hpp"

namespace pillars {

namespace {

constexpr std::string_view kFormatName = "pillars-scenario";
constexpr std::size_t kMaxErrors = 50;

std::string inQuotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

/// Walks one JSON document into a Scenario, collecting every problem it finds.
class ScenarioParser {
 public:
  ScenarioParser(const std::string& file, const ComponentRegistry& registry)
      : m_file(file), m_registry(registry) {}

  ScenarioLoad parse(std::string_view text) {
    ScenarioLoad load;
    auto parsed = parseJson(text);
    if (auto* err = std::get_if<JsonError>(&parsed)) {
      load.errors.push_back(Diagnostic{m_file, err->location, "", "invalid JSON: " + err->message});
      return load;
    }
    const JsonValue& root = std::get<JsonValue>(parsed);
    Scenario scenario;
    if (readRoot(root, scenario) && m_errors.empty()) load.scenario = std::move(scenario);
    if (m_suppressed > 0) {
      m_errors.push_back(Diagnostic{m_file, {}, "", "and " + std::to_string(m_suppressed) +
                                                        " more problems not listed; fix these first"});
    }
    load.errors = std::move(m_errors);
    return load;
  }

 private:
  // --- reporting -------------------------------------------------------------------------
  void error(const JsonValue& at, const JsonPath& path, std::string message) {
    if (m_errors.size() >= kMaxErrors) {
      ++m_suppressed;
      return;
    }
    m_errors.push_back(Diagnostic{m_file, at.location(), path.str(), std::move(message)});
  }
  void typeError(const JsonValue& v, const JsonPath& path, std::string_view expected) {
    error(v, path, "expected " + std::string(expected) + ", got " + describe(v));
  }
  static std::string describe(const JsonValue& v) {
    if (v.isString()) return "the string " + inQuotes(v.asString());
    if (v.isNumber()) {
      return "the number " + (v.holdsInt64() ? std::to_string(v.asInt64()) : formatNumber(v.asNumber()));
    }
    if (v.isBool()) return v.asBool() ? "true" : "false";
    return v.typeName();
  }

  /// Reports members not in `allowed`, naming the ones that are.
  void checkKnownKeys(const JsonValue& obj, const JsonPath& path,
                      std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : obj.members()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      error(value, path.key(key), "unknown field " + inQuotes(key) + " (expected one of: " + list + ")");
    }
  }

  // --- typed field readers ----------------------------------------------------------------
  const JsonValue* required(const JsonValue& obj, const JsonPath& path, std::string_view key) {
    const JsonValue* v = obj.find(key);
    if (!v) error(obj, path, "missing required field " + inQuotes(key));
    return v;
  }

  std::optional<std::string> readString(const JsonValue& v, const JsonPath& path) {
    if (!v.isString()) {
      typeError(v, path, "a string");
      return std::nullopt;
    }
    return v.asString();
  }

  std::optional<std::string> readId(const JsonValue& v, const JsonPath& path) {
    auto s = readString(v, path);
    if (s && !isValidId(*s)) {
      error(v, path, "expected an id of letters, digits and '_', '-', '.', ':', '>' (1 to 128 characters), got " + inQuotes(*s));
      return std::nullopt;
    }
    return s;
  }

  std::optional<SimTime> readDuration(const JsonValue& v, const JsonPath& path) {
    if (v.isNumber()) {
      const double s = v.asNumber();
      if (s >= 0 && s < 6.0e9) return secondsToSimTime(s);
    } else if (v.isString()) {
      if (auto d = parseDuration(v.asString())) return d;
    }
    typeError(v, path, "a duration such as \"500ms\", \"90s\" or \"10m\" (a bare number means seconds)");
    return std::nullopt;
  }

  // --- sections ---------------------------------------------------------------------------
  bool readRoot(const JsonValue& root, Scenario& s) {
    const JsonPath path = JsonPath::root();
    if (!root.isObject()) {
      typeError(root, path, "a JSON object at the top of the file");
      return false;
    }
    // The version comes first: a newer file may use fields this version has never heard of,
    // and "upgrade Pillars" is the useful message then, not a list of unknown fields.
    const JsonValue* format = root.find("format");
    if (!format || !format->isString() || format->asString() != kFormatName) {
      error(format ? *format : root, format ? path.key("format") : path,
            "expected \"format\": \"pillars-scenario\" (is this a Pillars scenario file?)");
      return false;
    }
    const JsonValue* version = required(root, path, "version");
    if (!version) return false;
    if (!version->isInteger() || version->asInt64() < 1) {
      typeError(*version, path.key("version"), "a format version number (1)");
      return false;
    }
    if (version->asInt64() > Scenario::kFormatVersion) {
      error(*version, path.key("version"),
            "format version " + std::to_string(version->asInt64()) +
                " is newer than this version of Pillars supports (" +
                std::to_string(Scenario::kFormatVersion) + "); upgrade Pillars to open this file");
      return false;
    }
    checkKnownKeys(root, path,
                   {"format", "version", "name", "description", "seed", "duration", "warmup",
                    "metrics", "components", "links", "groups", "faults"});

    if (const JsonValue* v = root.find("name")) {
      if (auto str = readString(*v, path.key("name"))) s.name = *str;
    }
    if (const JsonValue* v = root.find("description")) {
      if (auto str = readString(*v, path.key("description"))) s.description = *str;
    }
    if (const JsonValue* v = root.find("seed")) {
      // Integral numbers such as 1e3 are fine too, but only exact ones: below 2^63.
      const bool exactInteger = v->holdsInt64() ? v->asInt64() >= 0
                                                : v->isInteger() && v->asNumber() >= 0 &&
                                                      v->asNumber() < 9.2e18;
      if (exactInteger) {
        s.seed = static_cast<std::uint64_t>(v->asInt64());
      } else {
        typeError(*v, path.key("seed"), "a non-negative integer up to 9223372036854775807");
      }
    }
    bool durationKnown = false;
    if (const JsonValue* v = required(root, path, "duration")) {
      if (auto d = readDuration(*v, path.key("duration"))) {
        if (*d <= 0) {
          error(*v, path.key("duration"), "expected a duration greater than 0");
        } else {
          durationKnown = true;
        }
        s.duration = *d;
      }
    }
    if (const JsonValue* v = root.find("warmup")) {
      if (auto d = readDuration(*v, path.key("warmup"))) {
        // Compared only with a duration that was read: one mistake, one message.
        if (durationKnown && *d >= s.duration) {
          error(*v, path.key("warmup"), "warm-up (" + formatDuration(*d) +
                                            ") must be shorter than the duration (" +
                                            formatDuration(s.duration) + ")");
        }
        s.warmup = *d;
      }
    }
    if (const JsonValue* v = root.find("metrics")) readMetrics(*v, path.key("metrics"), s);

    const JsonValue* components = required(root, path, "components");
    if (components) readComponents(*components, path.key("components"), s);
    if (const JsonValue* v = root.find("links")) readLinks(*v, path.key("links"), s);
    if (const JsonValue* v = root.find("groups")) readGroups(*v, path.key("groups"), s);
    if (const JsonValue* v = root.find("faults")) readFaults(*v, path.key("faults"), s);
    checkWiring(s);
    checkLinkTargets(s);
    checkPeerGroups(s);
    return true;
  }

  void readMetrics(const JsonValue& v, const JsonPath& path, Scenario& s) {
    if (!v.isObject()) return typeError(v, path, "an object");
    checkKnownKeys(v, path, {"interval"});
    if (const JsonValue* i = v.find("interval")) {
      if (auto d = readDuration(*i, path.key("interval"))) {
        if (*d > 0 && *d < kMillisecond) {
          error(*i, path.key("interval"), "expected 0 (off) or at least 1ms");
        }
        s.metricsInterval = *d;
      }
    }
  }

  bool readParams(const JsonValue* v, const JsonPath& path, const std::vector<ParamSpec>& specs,
                  ParamSet& params, std::string_view owner) {
    params = ParamSet(specs);
    if (!v) return true;
    if (!v->isObject()) {
      typeError(*v, path, "an object of parameters");
      return false;
    }
    for (const auto& [key, value] : v->members()) {
      const JsonPath p = path.key(key);
      const auto index = params.indexOf(key);
      if (!index) {
        std::string list;
        for (const auto& spec : specs) list += (list.empty() ? "" : ", ") + spec.name;
        error(value, p, "unknown parameter " + inQuotes(key) + " for " + std::string(owner) +
                            " (expected one of: " + list + ")");
        continue;
      }
      const ParamSpec& spec = specs[*index];
      std::string why;
      std::optional<ParamValue> parsed;
      if (value.isString()) {
        parsed = parseParamText(spec, value.asString(), &why);
      } else if (value.isBool() && spec.type == ParamType::Boolean) {
        parsed = ParamValue{value.asBool()};
      } else if (value.isNumber() && spec.type == ParamType::Integer) {
        if (value.isInteger()) {
          parsed = ParamValue{value.asInt64()};
          why = checkParamValue(spec, *parsed);
          if (!why.empty()) parsed.reset();
        } else {
          why = "expected " + describeExpected(spec) + ", got " + describe(value);
        }
      } else if (value.isNumber() && (spec.type == ParamType::Real ||
                                      spec.type == ParamType::Duration ||
                                      spec.type == ParamType::Distribution)) {
        parsed = parseParamText(spec, formatNumber(value.asNumber()), &why);
        if (!parsed) why = "expected " + describeExpected(spec) + ", got " + describe(value);
      } else {
        why = "expected " + describeExpected(spec) + ", got " + describe(value);
      }
      if (!parsed) {
        error(value, p, why);
        continue;
      }
      params.set(*index, std::move(*parsed));
    }
    return true;
  }

  template <typename Fn>
  void forEachItem(const JsonValue& v, const JsonPath& path, std::string_view what, Fn&& fn) {
    if (!v.isArray()) return typeError(v, path, "an array of " + std::string(what));
    for (std::size_t i = 0; i < v.items().size(); ++i) {
      const JsonValue& item = v.items()[i];
      const JsonPath p = path.index(i);
      if (!item.isObject()) {
        typeError(item, p, "an object describing one of the " + std::string(what));
        continue;
      }
      fn(item, p);
    }
  }

  void readComponents(const JsonValue& v, const JsonPath& path, Scenario& s) {
    forEachItem(v, path, "components", [&](const JsonValue& item, const JsonPath& p) {
      checkKnownKeys(item, p, {"id", "kind", "params", "position"});
      ComponentSpec c;
      const JsonValue* id = required(item, p, "id");
      const JsonValue* kind = required(item, p, "kind");
      if (!id || !kind) return;
      auto idText = readId(*id, p.key("id"));
      auto kindText = readString(*kind, p.key("kind"));
      if (!idText || !kindText) return;
      if (!m_ids.insert(*idText).second) {
        error(*id, p.key("id"), "duplicate id " + inQuotes(*idText));
        return;
      }
      const ComponentKind* k = m_registry.find(*kindText);
      if (!k) {
        std::string list;
        for (const auto& n : m_registry.names()) list += (list.empty() ? "" : ", ") + n;
        error(*kind, p.key("kind"), "unknown component kind " + inQuotes(*kindText) +
                                        " (expected one of: " + list + ")");
        return;
      }
      c.id = *idText;
      c.kind = *kindText;
      const bool paramsRead = readParams(item.find("params"), p.key("params"), k->params, c.params, "a " + k->name);
      if (paramsRead && k->checkParams) checkParamRules(item, p, *k, c.params);
      if (const JsonValue* pos = item.find("position")) {
        if (pos->isArray() && pos->items().size() == 2 && pos->items()[0].isNumber() &&
            pos->items()[1].isNumber()) {
          c.position = std::make_pair(pos->items()[0].asNumber(), pos->items()[1].asNumber());
        } else {
          typeError(*pos, p.key("position"), "[x, y] (two numbers)");
        }
      }
      m_componentLocations.push_back(Located{c.id, &item, p});
      m_componentAt.emplace(c.id, s.components.size());
      s.components.push_back(std::move(c));
    });
  }

  /// The kind's rules across one component's parameters; each problem is reported at the
  /// parameter (or the component when the parameter is not written out).
  void checkParamRules(const JsonValue& item, const JsonPath& path, const ComponentKind& kind, const ParamSet& params) {
    for (const ParamProblem& problem : kind.checkParams(params)) {
      const JsonValue* written = item.find("params");
      const JsonValue* value = written ? written->find(problem.param) : nullptr;
      if (value) {
        error(*value, path.key("params").key(problem.param), problem.message);
      } else {
        error(item, path, problem.message);
      }
    }
  }

  void readLinks(const JsonValue& v, const JsonPath& path, Scenario& s) {
    forEachItem(v, path, "links", [&](const JsonValue& item, const JsonPath& p) {
      checkKnownKeys(item, p, {"id", "from", "to", "params"});
      const JsonValue* from = required(item, p, "from");
      const JsonValue* to = required(item, p, "to");
      if (!from || !to) return;
      auto fromId = readString(*from, p.key("from"));
      auto toId = readString(*to, p.key("to"));
      if (!fromId || !toId) return;
      bool ok = true;
      if (!component(s, *fromId)) {
        error(*from, p.key("from"), "no component has the id " + inQuotes(*fromId));
        ok = false;
      }
      if (!component(s, *toId)) {
        error(*to, p.key("to"), "no component has the id " + inQuotes(*toId));
        ok = false;
      }
      if (ok && *fromId == *toId) {
        error(item, p, "a link cannot connect " + inQuotes(*fromId) + " to itself");
        ok = false;
      }
      LinkSpec l;
      l.from = *fromId;
      l.to = *toId;
      l.id = *fromId + "->" + *toId;
      if (const JsonValue* id = item.find("id")) {
        if (auto idText = readId(*id, p.key("id"))) {
          // One namespace: `--set ID.PARAM` and fault targets must never be ambiguous.
          if (component(s, *idText)) {
            error(*id, p.key("id"), "the id " + inQuotes(*idText) + " is already a component's");
            ok = false;
          }
          l.id = *idText;
        }
      }
      // The first earlier link that links the same pair (either way) or has the same id is the
      // one reported, as a scan of the links in order would find it; indexes keep a design of
      // thousands of links linear to read.
      const auto pair = l.from < l.to ? std::make_pair(l.from, l.to) : std::make_pair(l.to, l.from);
      const auto samePair = m_linkOfPair.find(pair);
      const auto sameId = m_linkAt.find(l.id);
      const std::size_t pairAt = samePair == m_linkOfPair.end() ? s.links.size() : samePair->second;
      const std::size_t idAt = sameId == m_linkAt.end() ? s.links.size() : sameId->second;
      if (pairAt < s.links.size() && pairAt <= idAt) {
        error(item, p, "components " + inQuotes(l.from) + " and " + inQuotes(l.to) +
                           " are already linked (links carry traffic both ways)");
        ok = false;
      } else if (idAt < s.links.size()) {
        error(item, p, "duplicate link id " + inQuotes(l.id));
        ok = false;
      }
      readParams(item.find("params"), p.key("params"), linkParamSpecs(), l.params, "a link");
      if (ok) {
        m_linkLocations.push_back(Located{l.id, &item, p});
        m_linkAt.emplace(l.id, s.links.size());
        m_linkOfPair.emplace(pair, s.links.size());
        ++m_outgoing[l.from];
        s.links.push_back(std::move(l));
      }
    });
  }

  void readGroups(const JsonValue& v, const JsonPath& path, Scenario& s) {
    std::vector<std::pair<const JsonValue*, JsonPath>> parents;
    forEachItem(v, path, "groups", [&](const JsonValue& item, const JsonPath& p) {
      checkKnownKeys(item, p, {"id", "kind", "label", "members", "parent"});
      const JsonValue* id = required(item, p, "id");
      const JsonValue* kind = required(item, p, "kind");
      if (!id || !kind) return;
      GroupSpec g;
      auto idText = readId(*id, p.key("id"));
      auto kindText = readString(*kind, p.key("kind"));
      if (!idText || !kindText) return;
      if (!m_ids.insert(*idText).second) {
        error(*id, p.key("id"), "duplicate id " + inQuotes(*idText) +
                                    " (components and groups share one namespace)");
        return;
      }
      if (*kindText != GroupSpec::kZone && *kindText != GroupSpec::kRegion) {
        error(*kind, p.key("kind"), "expected \"zone\" or \"region\", got " + inQuotes(*kindText));
        return;
      }
      g.id = *idText;
      g.kind = *kindText;
      if (const JsonValue* label = item.find("label")) {
        if (auto l = readString(*label, p.key("label"))) g.label = *l;
      }
      if (const JsonValue* members = item.find("members")) {
        if (!members->isArray()) {
          typeError(*members, p.key("members"), "an array of component ids");
        } else {
          for (std::size_t i = 0; i < members->items().size(); ++i) {
            const JsonValue& m = members->items()[i];
            auto mid = readString(m, p.key("members").index(i));
            if (!mid) continue;
            if (!component(s, *mid)) {
              error(m, p.key("members").index(i), "no component has the id " + inQuotes(*mid));
              continue;
            }
            g.members.push_back(*mid);
          }
        }
      }
      if (const JsonValue* parent = item.find("parent")) {
        if (auto pid = readString(*parent, p.key("parent"))) {
          g.parent = *pid;
          parents.emplace_back(parent, p.key("parent"));
        }
      }
      s.groups.push_back(std::move(g));
    });
    // Parents may be declared after their children, so they are checked once all are read.
    std::size_t pi = 0;
    for (const GroupSpec& g : s.groups) {
      if (g.parent.empty()) continue;
      if (pi >= parents.size()) break;
      const auto& [value, p] = parents[pi++];
      if (!s.findGroup(g.parent)) {
        error(*value, p, "no group has the id " + inQuotes(g.parent));
        continue;
      }
      // Walk up: reaching this group again means the parents form a cycle.
      std::string at = g.parent;
      for (std::size_t depth = 0; depth <= s.groups.size() && !at.empty(); ++depth) {
        if (at == g.id) {
          error(*value, p, "group " + inQuotes(g.id) + " would contain itself");
          break;
        }
        const GroupSpec* up = s.findGroup(at);
        at = up ? up->parent : std::string();
      }
    }
  }

  void readFaults(const JsonValue& v, const JsonPath& path, Scenario& s) {
    forEachItem(v, path, "faults", [&](const JsonValue& item, const JsonPath& p) {
      checkKnownKeys(item, p, {"at", "action", "target", "factor", "latency", "probability", "replicas"});
      const JsonValue* at = required(item, p, "at");
      const JsonValue* action = required(item, p, "action");
      const JsonValue* target = required(item, p, "target");
      if (!at || !action || !target) return;
      FaultSpec f;
      auto when = readDuration(*at, p.key("at"));
      auto what = readString(*action, p.key("action"));
      auto who = readString(*target, p.key("target"));
      if (!when || !what || !who) return;
      f.at = *when;
      f.target = *who;
      const std::optional<FaultAction> known = faultActionFromName(*what);
      if (!known) {
        error(*action, p.key("action"),
              "expected \"crash\", \"restart\", \"cut\" or \"heal\" (outages), \"slow\", "
              "\"delay\" or \"loss\" (degradations), or a kind's own: \"timeout\" (raft_node), "
              "\"failover\" (store), \"add_shard\" or \"remove_shard\" (shard_router), \"rollout\", "
              "\"rollback\" or \"scale\" (service), got " + inQuotes(*what));
        return;
      }
      f.action = *known;
      // Target and value are checked independently, so one entry can report both problems.
      bool ok = true;
      const bool onLink = faultTargetsLink(f.action);
      if (onLink && !m_linkAt.count(f.target)) {
        error(*target, p.key("target"), "no link has the id " + inQuotes(f.target) +
                                            " (link ids default to \"from->to\")");
        ok = false;
      }
      if (!onLink && !component(s, f.target) && !s.findGroup(f.target)) {
        error(*target, p.key("target"), "no component or group has the id " + inQuotes(f.target));
        ok = false;
      }
      // A kind's own action needs a kind that has it; a group may mix kinds (those act).
      if (const ComponentSpec* c = component(s, f.target); c && faultIsKindAction(f.action)) {
        const ComponentKind* kind = m_registry.find(c->kind);
        if (kind && !kind->acceptsFault(f.action)) {
          error(*target, p.key("target"),
                "a " + inQuotes(std::string(faultActionName(f.action))) + " fault needs a " +
                    kindsAccepting(m_registry, f.action) + " (or a group), but " + inQuotes(f.target) +
                    " is a " + c->kind);
          ok = false;
        } else if (kind && kind->checkAction) {
          if (const std::string why = kind->checkAction(c->params, faultActionName(f.action)); !why.empty()) {
            error(*target, p.key("target"),
                  "a " + inQuotes(std::string(faultActionName(f.action))) + " fault on " + inQuotes(f.target) +
                      " cannot happen: " + why);
            ok = false;
          }
        }
      }
      if (!readFaultValue(item, p, f)) ok = false;
      if (ok) s.faults.push_back(std::move(f));
    });
    // Same-time faults keep file order; the timeline itself is sorted by time.
    std::stable_sort(s.faults.begin(), s.faults.end(),
                     [](const FaultSpec& a, const FaultSpec& b) { return a.at < b.at; });
  }

  /// The one value field of a slow, delay, loss or scale fault: required for its own action,
  /// refused on every other (a "factor" on a crash is a mistake worth pointing out, not ignoring).
  bool readFaultValue(const JsonValue& item, const JsonPath& p, FaultSpec& f) {
    const std::string_view own = faultValueField(f.action);
    const std::string action = inQuotes(faultActionName(f.action));
    bool ok = true;
    for (const FaultAction owner : {FaultAction::Slow, FaultAction::Delay, FaultAction::Loss, FaultAction::Scale}) {
      const std::string_view field = faultValueField(owner);
      const JsonValue* v = item.find(field);
      if (!v || field == own) continue;
      error(*v, p.key(field),
            inQuotes(field) + " is only for " + inQuotes(faultActionName(owner)) +
                " faults; a " + action + " fault " +
                (own.empty() ? std::string("has no value") : "takes " + inQuotes(own)));
      ok = false;
    }
    if (own.empty()) return ok;
    const JsonValue* v = item.find(own);
    if (!v) {
      error(item, p, "missing required field " + inQuotes(own) + " (a " + action +
                         " fault needs it)");
      return false;
    }
    const JsonPath vp = p.key(own);
    switch (f.action) {
      case FaultAction::Slow:
        // No upper bound: a huge factor is a service that has all but stopped, and time
        // saturates at the end of time rather than overflowing.
        if (!v->isNumber() || !(v->asNumber() >= 1.0)) {
          typeError(*v, vp, "a number >= 1");
          return false;
        }
        f.value = v->asNumber();
        return ok;
      case FaultAction::Delay: {
        auto d = readDuration(*v, vp);
        if (!d) return false;
        f.latency = *d;
        return ok;
      }
      case FaultAction::Loss:
        if (!v->isNumber() || !(v->asNumber() >= 0.0 && v->asNumber() <= 1.0)) {
          typeError(*v, vp, "a number from 0 to 1");
          return false;
        }
        f.value = v->asNumber();
        return ok;
      case FaultAction::Scale:
        // The range of a service's `replicas`: a set is never scaled to nothing, since its
        // next instance is a copy of one still there.
        if (!v->isNumber() || !(v->asNumber() >= 1.0 && v->asNumber() <= kMaxReplicas) ||
            v->asNumber() != std::floor(v->asNumber())) {
          typeError(*v, vp, "a whole number from 1 to " + std::to_string(kMaxReplicas));
          return false;
        }
        f.value = v->asNumber();
        return ok;
      case FaultAction::Crash:
      case FaultAction::Restart:
      case FaultAction::Cut:
      case FaultAction::Heal:
      case FaultAction::Timeout:
      case FaultAction::Failover:
      case FaultAction::AddShard:
      case FaultAction::RemoveShard:
      case FaultAction::Rollout:
      case FaultAction::Rollback: break;
    }
    return ok;
  }

  /// Components whose kind needs outgoing links must have them.
  void checkWiring(const Scenario& s) {
    for (const auto& [id, item, path] : m_componentLocations) {
      const ComponentSpec* c = component(s, id);
      if (!c) continue;
      const ComponentKind* kind = m_registry.find(c->kind);
      if (!kind) continue;
      const auto counted = m_outgoing.find(c->id);
      const std::size_t outgoing = counted == m_outgoing.end() ? 0 : counted->second;
      if (kind->maxOutgoingLinks > 0 && outgoing > kind->maxOutgoingLinks) {
        error(*item, path,
              "the " + c->kind + " " + inQuotes(id) + " has " + std::to_string(outgoing) +
                  " outgoing links; it takes at most " + std::to_string(kind->maxOutgoingLinks) +
                  " (one link to what it acts on)");
      }
      if (!kind->needsOutgoingLink) continue;
      const bool hasOutgoing = outgoing > 0;
      if (!hasOutgoing) {
        error(*item, path,
              "the " + c->kind + " " + inQuotes(id) +
                  " has no outgoing link, so its requests would go nowhere; add a link "
                  "{\"from\": " + inQuotes(id) + ", \"to\": ...}");
      }
    }
  }

  /// Kinds that form peer groups (raft_node): each group, the components of that kind linked to
  /// each other, must have an allowed size and link every pair of members.
  void checkPeerGroups(const Scenario& s) {
    for (const auto& kindPtr : m_registry.kinds()) {
      const ComponentKind& kind = *kindPtr;
      if (kind.peerGroupMin == 0) continue;
      std::vector<const Located*> nodes;  // declaration order
      for (const Located& loc : m_componentLocations) {
        const ComponentSpec* c = component(s, loc.id);
        if (c && c->kind == kind.name) nodes.push_back(&loc);
      }
      if (nodes.empty()) continue;
      std::unordered_map<std::string_view, std::size_t> nodeAt;
      for (std::size_t i = 0; i < nodes.size(); ++i) nodeAt.emplace(nodes[i]->id, i);
      const auto indexOf = [&](const std::string& id) -> std::size_t {
        const auto it = nodeAt.find(id);
        return it == nodeAt.end() ? nodes.size() : it->second;
      };
      // Which pairs of members are linked; groups by union-find.
      const std::size_t n = nodes.size();
      std::vector<std::size_t> parent(n);
      for (std::size_t i = 0; i < n; ++i) parent[i] = i;
      const auto root = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
      };
      std::vector<bool> linked(n * n, false);
      for (const LinkSpec& l : s.links) {
        const std::size_t a = indexOf(l.from);
        const std::size_t b = indexOf(l.to);
        if (a == n || b == n || a == b) continue;
        linked[std::min(a, b) * n + std::max(a, b)] = true;
        parent[root(a)] = root(b);
      }
      for (std::size_t first = 0; first < n; ++first) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < n; ++i) {
          if (root(i) == root(first)) members.push_back(i);
        }
        if (members.front() != first) continue;  // reported with its first member
        std::string list;
        for (const std::size_t m : members) list += (list.empty() ? "" : ", ") + inQuotes(nodes[m]->id);
        const Located& at = *nodes[first];
        if (members.size() < kind.peerGroupMin || members.size() > kind.peerGroupMax) {
          error(*at.item, at.path,
                "the " + kind.name + " group {" + list + "} has " + std::to_string(members.size()) +
                    " member" + (members.size() == 1 ? "" : "s") + "; a group needs " +
                    std::to_string(kind.peerGroupMin) + " to " + std::to_string(kind.peerGroupMax) +
                    " " + kind.name + " components, each linked to every other");
          continue;
        }
        bool fullyLinked = true;
        for (std::size_t i = 0; i < members.size(); ++i) {
          for (std::size_t j = i + 1; j < members.size(); ++j) {
            // A second link between a pair is refused earlier, for every kind.
            if (linked[members[i] * n + members[j]]) continue;
            fullyLinked = false;
            error(*nodes[members[i]]->item, nodes[members[i]]->path,
                  "the " + kind.name + " " + inQuotes(nodes[members[i]]->id) + " and " +
                      inQuotes(nodes[members[j]]->id) +
                      " are in one group but not linked; link every pair of members once (a "
                      "link carries both directions)");
          }
        }
        if (fullyLinked && kind.checkPeerGroup) checkGroupRules(s, kind, nodes, members);
      }
    }
  }

  /// The kind's own rules for a well-formed group; each problem is reported at the member's
  /// parameter (or the member itself when the parameter is not written out).
  template <typename Node>
  void checkGroupRules(const Scenario& s, const ComponentKind& kind, const std::vector<const Node*>& nodes,
                       const std::vector<std::size_t>& members) {
    std::vector<const ParamSet*> params;
    for (const std::size_t m : members) params.push_back(&component(s, nodes[m]->id)->params);
    for (const GroupProblem& p : kind.checkPeerGroup(params)) {
      if (p.member >= members.size()) continue;
      const Node& at = *nodes[members[p.member]];
      const JsonValue* paramsItem = at.item->find("params");
      const JsonValue* value = paramsItem ? paramsItem->find(p.param) : nullptr;
      if (value) {
        error(*value, at.path.key("params").key(p.param), p.message);
      } else {
        error(*at.item, at.path, p.message);
      }
    }
  }

  /// Kinds that say where their outgoing links may lead (a shard router to stores).
  void checkLinkTargets(const Scenario& s) {
    for (const auto& [id, item, path] : m_linkLocations) {
      const auto at = m_linkAt.find(id);
      const LinkSpec* l = at == m_linkAt.end() ? nullptr : &s.links[at->second];
      const ComponentSpec* from = l ? component(s, l->from) : nullptr;
      const ComponentSpec* to = l ? component(s, l->to) : nullptr;
      if (!from || !to) continue;
      const ComponentKind* kind = m_registry.find(from->kind);
      if (!kind || kind->outgoingKinds.empty()) continue;
      const auto& allowed = kind->outgoingKinds;
      if (std::find(allowed.begin(), allowed.end(), to->kind) != allowed.end()) continue;
      std::string names;
      for (const auto& k : allowed) names += (names.empty() ? "" : " or ") + k;
      const JsonValue* toValue = item->find("to");
      error(toValue ? *toValue : *item, path.key("to"),
            "the " + from->kind + " " + inQuotes(from->id) + " sends only to " + names + " components, but " +
                inQuotes(to->id) + " is a " + to->kind);
    }
  }

  std::string m_file;
  const ComponentRegistry& m_registry;
  std::vector<Diagnostic> m_errors;
  std::size_t m_suppressed = 0;
  /// The component of `s` named `id`, or null: an index, as designs run to thousands of
  /// components and every link, group member and fault names some.
  const ComponentSpec* component(const Scenario& s, const std::string& id) const {
    const auto it = m_componentAt.find(id);
    return it == m_componentAt.end() ? nullptr : &s.components[it->second];
  }

  std::set<std::string> m_ids;
  std::unordered_map<std::string, std::size_t> m_componentAt;  // id -> index in components
  std::unordered_map<std::string, std::size_t> m_linkAt;       // id -> index in links
  std::map<std::pair<std::string, std::string>, std::size_t> m_linkOfPair;  // (lower, higher) id
  std::unordered_map<std::string, std::size_t> m_outgoing;  // links from each component
  /// Where each accepted component was declared, for checks made after all are read.
  struct Located {
    std::string id;
    const JsonValue* item;
    JsonPath path;
  };
  std::vector<Located> m_componentLocations;
  std::vector<Located> m_linkLocations;
};

}  // namespace

ScenarioLoad readScenario(std::string_view text, const std::string& fileName,
                          const ComponentRegistry& registry) {
  return ScenarioParser(fileName, registry).parse(text);
}

ScenarioLoad loadScenarioFile(const std::string& path, const ComponentRegistry& registry) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    ScenarioLoad load;
    load.errors.push_back(Diagnostic{path, {}, "", "is a folder, not a scenario file"});
    return load;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ScenarioLoad load;
    load.errors.push_back(Diagnostic{path, {}, "", "cannot open the file (does it exist, and may it be read?)"});
    return load;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return readScenario(buffer.str(), path, registry);
}

std::vector<Diagnostic> checkScenario(const Scenario& scenario, const ComponentRegistry& registry) {
  // Written and read back: one set of rules, the reader's, whatever changed the scenario.
  std::vector<Diagnostic> problems = readScenario(writeScenarioJson(scenario), "", registry).errors;
  for (Diagnostic& d : problems) d.location = {};
  return problems;
}

}  // namespace pillars
