#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/model/scenario.hpp"

namespace pillars {

// Structural edits of a scenario that keep every reference in it valid: ids are named by
// links, groups and faults, so renaming or removing one thing touches several lists. The
// editor applies these to a copy and swaps it in; the reader's rules are the invariants.

/// Ids follow the file format: letters, digits and '_', '-', '.', ':', '>' (1 to 128).
bool isValidId(std::string_view id);
/// True when a component, link or group already has `id` (they share one namespace).
bool idInUse(const Scenario& s, std::string_view id);
/// `base` followed by the smallest number that makes an unused id ("service" -> "service3").
std::string freshId(const Scenario& s, std::string_view base);
/// The default id of a link: "from->to".
std::string defaultLinkId(std::string_view from, std::string_view to);

/// Gives component `from` the id `to` everywhere: link ends (links with the default id are
/// renamed with it), group members and fault targets. `to` must be valid and unused.
void renameComponent(Scenario& s, const std::string& from, const std::string& to);

/// Removes components with their links, their group memberships and every fault aimed at
/// them or their links.
void removeComponents(Scenario& s, const std::vector<std::string>& ids);
/// Removes links and the faults aimed at them.
void removeLinks(Scenario& s, const std::vector<std::string>& ids);
/// Dissolves groups: members and nested groups move up to the dissolved group's parent;
/// faults aimed at a dissolved group are removed.
void removeGroups(Scenario& s, const std::vector<std::string>& ids);

/// What copy and paste carry: the listed components, the links between them, and every
/// group whose components are all listed (its parent kept only when that comes too).
/// Faults are not copied: they belong to an experiment, not to a piece of topology.
Scenario extractFragment(const Scenario& s, const std::vector<std::string>& componentIds);
/// Adds a fragment into `s`, giving a fresh id to everything whose id is taken and moving
/// positions by (dx, dy). Returns the new components' ids, in the fragment's order.
std::vector<std::string> mergeFragment(Scenario& s, const Scenario& fragment, double dx, double dy);

/// The group a component belongs to directly, or empty.
std::string directGroupOf(const Scenario& s, std::string_view componentId);
/// Puts components directly into `groupId` (leaving any group they were in); an empty
/// `groupId` takes them out of every group.
void assignToGroup(Scenario& s, const std::vector<std::string>& componentIds, const std::string& groupId);
/// Creates a zone or region around components and groups and returns its id. The new group
/// sits where its contents sat when they all shared one parent, so nesting is kept.
std::string createGroup(Scenario& s, const std::string& kind, const std::string& label,
                        const std::vector<std::string>& componentIds,
                        const std::vector<std::string>& childGroupIds);

}  // namespace pillars
