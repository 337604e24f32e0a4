#include "engine/review/pattern_edits.hpp"

#include <algorithm>
#include <cmath>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario_edits.hpp"

namespace pillars::review {

namespace {

constexpr double kCardRoomY = 90.0;

/// The first place at or below (x, y) where a card fits without touching another.
std::pair<double, double> freeSpot(const Scenario& s, double x, double y) {
  for (;;) {
    const bool taken =
        std::any_of(s.components.begin(), s.components.end(), [&](const ComponentSpec& c) {
          return c.position && std::abs(c.position->first - x) < kCardRoomX &&
                 std::abs(c.position->second - y) < kCardRoomY;
        });
    if (!taken) return {x, y};
    y += kStepDown;
  }
}

/// Points link `index` at `to`. A link named by default ("a->b") is renamed with its end, and
/// faults aimed at it follow the new name.
void redirect(Scenario& s, std::size_t index, const std::string& to) {
  LinkSpec& l = s.links[index];
  const std::string oldId = l.id;
  const bool defaultNamed = oldId == defaultLinkId(l.from, l.to);
  l.to = to;
  if (!defaultNamed) return;
  l.id.clear();  // so idFor does not see the old name as taken by this very link
  const std::string newId = idFor(s, defaultLinkId(l.from, to));
  s.links[index].id = newId;
  for (auto& f : s.faults) {
    if (faultTargetsLink(f.action) && f.target == oldId) f.target = newId;
  }
}

}  // namespace

ComponentSpec* findMutable(Scenario& s, const std::string& id) {
  for (auto& c : s.components) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

/// `base` itself when free ("web-lb"), else numbered like the editor numbers ("web-lb2").
std::string idFor(const Scenario& s, const std::string& base) {
  return isValidId(base) && !idInUse(s, base) ? base : freshId(s, base);
}

std::pair<double, double> positionOf(const ComponentSpec& c) {
  return c.position.value_or(std::make_pair(0.0, 0.0));
}

/// A component of `kind` at its defaults, in the target's group, at a free spot near (x, y).
ComponentSpec& addComponent(Scenario& s, const std::string& kind, const std::string& id,
                            const std::string& beside, std::pair<double, double> near) {
  ComponentSpec c;
  c.id = id;
  c.kind = kind;
  c.params = ParamSet(builtinRegistry().find(kind)->params);
  c.position = freeSpot(s, near.first, near.second);
  s.components.push_back(std::move(c));
  // Same group as the component it serves: a balancer or cache sits with its backend.
  const std::string group = directGroupOf(s, beside);
  if (!group.empty()) assignToGroup(s, {id}, group);
  return s.components.back();
}

void addLink(Scenario& s, const std::string& from, const std::string& to, const ParamSet* like) {
  LinkSpec l;
  l.from = from;
  l.to = to;
  l.id = idFor(s, defaultLinkId(from, to));
  l.params = like ? *like : ParamSet(linkParamSpecs());
  s.links.push_back(std::move(l));
}

std::vector<std::size_t> incomingLinks(const Scenario& s, const std::string& target) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.links.size(); ++i) {
    if (s.links[i].to == target) out.push_back(i);
  }
  return out;
}

/// Puts a new component of `kind` between the target and everything that calls it: the
/// callers' links now end at it, and it calls the target. Returns its id.
std::string insertInFront(Scenario& s, const std::string& target, const std::string& kind,
                          const std::string& suffix) {
  const std::vector<std::size_t> incoming = incomingLinks(s, target);
  const auto at = positionOf(*s.findComponent(target));
  // Half-way from the first caller, so the new card reads as "in front of" the target.
  std::pair<double, double> near{at.first - kCardRoomX, at.second};
  if (!incoming.empty()) {
    if (const ComponentSpec* caller = s.findComponent(s.links[incoming.front()].from);
        caller && caller->position) {
      near = {(caller->position->first + at.first) / 2, (caller->position->second + at.second) / 2};
    }
  }
  const std::string id = idFor(s, target + suffix);
  addComponent(s, kind, id, target, near);
  for (std::size_t i : incoming) redirect(s, i, id);
  addLink(s, id, target, nullptr);
  return id;
}

/// The next free id numbered after `target`: "web1" -> "web4" (after its siblings), "db" -> "db2".
std::string numberedAfter(const Scenario& s, const std::string& target) {
  std::string base = target;
  while (!base.empty() && base.back() >= '0' && base.back() <= '9') base.pop_back();
  std::string id;
  if (base == target) {
    for (int n = 2; id.empty() || idInUse(s, id) || !isValidId(id); ++n)
      id = target + std::to_string(n);
  } else {
    id = freshId(s, base.empty() ? target : base);
  }
  return id;
}

/// A new component of `kind` below `target`, linked to it, with some parameters set. `target`
/// is a copy: adding a component may move every ComponentSpec, and their ids with them.
void addController(Scenario& s, const std::string& kind, const std::string& id,
                   const std::string target,
                   std::initializer_list<std::pair<const char*, ParamValue>> values) {
  const auto at = positionOf(*s.findComponent(target));
  ComponentSpec& c = addComponent(s, kind, idFor(s, id), target, {at.first, at.second + kStepDown});
  for (const auto& [name, value] : values) c.params.set(*c.params.indexOf(name), value);
  addLink(s, c.id, target, nullptr);
}

}  // namespace pillars::review
