#include "engine/model/scenario_edits.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace pillars {

namespace {

template <typename T>
bool contains(const std::vector<T>& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool isFaultOnLink(const FaultSpec& f) { return faultTargetsLink(f.action); }

void dropFaults(Scenario& s, const std::set<std::string>& nodeTargets, const std::set<std::string>& linkTargets) {
  std::erase_if(s.faults, [&](const FaultSpec& f) {
    return isFaultOnLink(f) ? linkTargets.count(f.target) > 0 : nodeTargets.count(f.target) > 0;
  });
}

/// "service12" -> "service": pasted copies are numbered like new components of that kind.
std::string_view withoutNumber(std::string_view id) {
  std::size_t end = id.size();
  while (end > 0 && id[end - 1] >= '0' && id[end - 1] <= '9') --end;
  return end == 0 ? id : id.substr(0, end);
}

}  // namespace

bool isValidId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == '>' || c == ':';
  });
}

bool idInUse(const Scenario& s, std::string_view id) {
  return s.findComponent(id) || s.findLink(id) || s.findGroup(id);
}

std::string freshId(const Scenario& s, std::string_view base) {
  constexpr std::size_t kMaxIdLength = 128;
  for (int n = 1;; ++n) {
    const std::string number = std::to_string(n);
    // A long base is shortened so the numbered id still fits the format's limit.
    std::string id(base.substr(0, kMaxIdLength - number.size()));
    id += number;
    if (!idInUse(s, id)) return id;
  }
}

std::string defaultLinkId(std::string_view from, std::string_view to) {
  std::string id(from);
  id += "->";
  id += to;
  return id;
}

void renameComponent(Scenario& s, const std::string& from, const std::string& to) {
  for (ComponentSpec& c : s.components) {
    if (c.id == from) c.id = to;
  }
  std::map<std::string, std::string> renamedLinks;
  for (LinkSpec& l : s.links) {
    const bool defaultId = l.id == defaultLinkId(l.from, l.to);
    if (l.from == from) l.from = to;
    if (l.to == from) l.to = to;
    if (defaultId) {
      const std::string id = defaultLinkId(l.from, l.to);
      // A custom id elsewhere may already read "to->peer"; then this link keeps its old id,
      // which is still unique.
      if (id != l.id && !s.findLink(id)) {
        renamedLinks[l.id] = id;
        l.id = id;
      }
    }
  }
  for (GroupSpec& g : s.groups) std::replace(g.members.begin(), g.members.end(), from, to);
  for (FaultSpec& f : s.faults) {
    if (isFaultOnLink(f)) {
      if (const auto it = renamedLinks.find(f.target); it != renamedLinks.end()) f.target = it->second;
    } else if (f.target == from) {
      f.target = to;
    }
  }
}

void removeComponents(Scenario& s, const std::vector<std::string>& ids) {
  std::vector<std::string> doomedLinks;
  for (const LinkSpec& l : s.links) {
    if (contains(ids, l.from) || contains(ids, l.to)) doomedLinks.push_back(l.id);
  }
  removeLinks(s, doomedLinks);
  std::erase_if(s.components, [&](const ComponentSpec& c) { return contains(ids, c.id); });
  for (GroupSpec& g : s.groups) {
    std::erase_if(g.members, [&](const std::string& m) { return contains(ids, m); });
  }
  dropFaults(s, {ids.begin(), ids.end()}, {});
}

void removeLinks(Scenario& s, const std::vector<std::string>& ids) {
  std::erase_if(s.links, [&](const LinkSpec& l) { return contains(ids, l.id); });
  dropFaults(s, {}, {ids.begin(), ids.end()});
}

void removeGroups(Scenario& s, const std::vector<std::string>& ids) {
  // Dissolve one at a time so a removed group's contents climb past removed parents too.
  for (const std::string& id : ids) {
    const auto it = std::find_if(s.groups.begin(), s.groups.end(), [&](const GroupSpec& g) { return g.id == id; });
    if (it == s.groups.end()) continue;
    const GroupSpec gone = *it;
    s.groups.erase(it);
    for (GroupSpec& g : s.groups) {
      if (g.parent == gone.id) g.parent = gone.parent;
    }
    if (!gone.parent.empty()) {
      for (GroupSpec& g : s.groups) {
        if (g.id != gone.parent) continue;
        for (const std::string& m : gone.members) {
          if (!contains(g.members, m)) g.members.push_back(m);
        }
      }
    }
  }
  dropFaults(s, {ids.begin(), ids.end()}, {});
}

Scenario extractFragment(const Scenario& s, const std::vector<std::string>& componentIds) {
  Scenario out;
  out.name = s.name;
  for (const ComponentSpec& c : s.components) {
    if (contains(componentIds, c.id)) out.components.push_back(c);
  }
  for (const LinkSpec& l : s.links) {
    if (contains(componentIds, l.from) && contains(componentIds, l.to)) out.links.push_back(l);
  }
  for (const GroupSpec& g : s.groups) {
    const std::vector<std::string> members = s.groupMembers(g.id);
    const bool whole = !members.empty() && std::all_of(members.begin(), members.end(),
                                                       [&](const std::string& m) { return contains(componentIds, m); });
    if (whole) out.groups.push_back(g);
  }
  for (GroupSpec& g : out.groups) {
    if (!out.findGroup(g.parent)) g.parent.clear();
  }
  return out;
}

std::vector<std::string> mergeFragment(Scenario& s, const Scenario& fragment, double dx, double dy) {
  // Every id of the fragment gets a place in `s` first, so references can be rewritten.
  std::map<std::string, std::string> renamed;
  Scenario taken = s;  // grows as ids are handed out, so two pasted items never collide
  const auto place = [&](const std::string& id) {
    std::string target = idInUse(taken, id) ? freshId(taken, withoutNumber(id)) : id;
    renamed[id] = target;
    return target;
  };
  std::vector<std::string> added;
  for (const ComponentSpec& c : fragment.components) {
    ComponentSpec copy = c;
    copy.id = place(c.id);
    if (copy.position) copy.position = std::make_pair(copy.position->first + dx, copy.position->second + dy);
    taken.components.push_back(copy);
    added.push_back(copy.id);
    s.components.push_back(std::move(copy));
  }
  for (const GroupSpec& g : fragment.groups) {
    GroupSpec placeholder;
    placeholder.id = place(g.id);
    taken.groups.push_back(placeholder);
  }
  for (const LinkSpec& l : fragment.links) {
    LinkSpec copy = l;
    copy.from = renamed.at(l.from);
    copy.to = renamed.at(l.to);
    if (l.id == defaultLinkId(l.from, l.to)) copy.id = defaultLinkId(copy.from, copy.to);
    if (idInUse(taken, copy.id)) {
      const bool isDefault = copy.id == defaultLinkId(copy.from, copy.to);
      copy.id = isDefault ? freshId(taken, copy.id + ".") : freshId(taken, withoutNumber(copy.id));
    }
    taken.links.push_back(copy);
    s.links.push_back(std::move(copy));
  }
  for (const GroupSpec& g : fragment.groups) {
    GroupSpec copy = g;
    copy.id = renamed.at(g.id);
    for (std::string& m : copy.members) m = renamed.at(m);
    if (!copy.parent.empty()) copy.parent = renamed.at(copy.parent);
    s.groups.push_back(std::move(copy));
  }
  return added;
}

std::string directGroupOf(const Scenario& s, std::string_view componentId) {
  for (const GroupSpec& g : s.groups) {
    if (std::find(g.members.begin(), g.members.end(), componentId) != g.members.end()) return g.id;
  }
  return {};
}

void assignToGroup(Scenario& s, const std::vector<std::string>& componentIds, const std::string& groupId) {
  for (GroupSpec& g : s.groups) {
    std::erase_if(g.members, [&](const std::string& m) { return contains(componentIds, m); });
  }
  for (GroupSpec& g : s.groups) {
    if (g.id != groupId) continue;
    for (const std::string& id : componentIds) g.members.push_back(id);
  }
}

std::string createGroup(Scenario& s, const std::string& kind, const std::string& label,
                        const std::vector<std::string>& componentIds,
                        const std::vector<std::string>& childGroupIds) {
  // The parent all contents share, if they share one.
  std::set<std::string> parents;
  for (const std::string& c : componentIds) parents.insert(directGroupOf(s, c));
  for (const std::string& g : childGroupIds) {
    if (const GroupSpec* child = s.findGroup(g)) parents.insert(child->parent);
  }
  GroupSpec group;
  group.id = freshId(s, kind);
  group.kind = kind;
  group.label = label;
  if (parents.size() == 1) group.parent = *parents.begin();
  const std::string id = group.id;
  s.groups.push_back(std::move(group));
  assignToGroup(s, componentIds, id);
  for (GroupSpec& g : s.groups) {
    if (contains(childGroupIds, g.id)) g.parent = id;
  }
  return id;
}

}  // namespace pillars
