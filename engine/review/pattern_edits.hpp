#pragma once
// The edits the review's "apply" is made of (apply_pattern.cpp and each pillar's patterns,
// engine/pillars/<pillar>/<pillar>_patterns.cpp): new cards placed where they fit, links that
// keep the design's naming, a component put in front of another or under it as a controller.

#include <cstddef>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/model/scenario.hpp"

namespace pillars::review {

// Cards are 200 x 64 scene units centred on their position (widgets/canvas/node_item.hpp);
// new cards keep this much room so they never overlap a card already drawn.
inline constexpr double kCardRoomX = 220.0;
inline constexpr double kStepDown = 110.0;

ComponentSpec* findMutable(Scenario& s, const std::string& id);
/// `base` itself when free ("web-lb"), else numbered like the editor numbers ("web-lb2").
std::string idFor(const Scenario& s, const std::string& base);
/// Where a component is drawn; (0, 0) when it has no position.
std::pair<double, double> positionOf(const ComponentSpec& c);
/// A component of `kind` at its defaults, in the group of `beside`, at a free spot near `near`.
ComponentSpec& addComponent(Scenario& s, const std::string& kind, const std::string& id,
                            const std::string& beside, std::pair<double, double> near);
/// A link named by default ("from->to"), with the parameters of `like` or the defaults.
void addLink(Scenario& s, const std::string& from, const std::string& to, const ParamSet* like);
/// Indexes of the links that end at `target`.
std::vector<std::size_t> incomingLinks(const Scenario& s, const std::string& target);
/// Puts a new component of `kind` between the target and everything that calls it: the
/// callers' links now end at it, and it calls the target. Returns its id.
std::string insertInFront(Scenario& s, const std::string& target, const std::string& kind,
                          const std::string& suffix);
/// The next free id numbered after `target`: "web1" -> "web4" (after its siblings), "db" -> "db2".
std::string numberedAfter(const Scenario& s, const std::string& target);
/// A new component of `kind` below `target`, linked to it, with some parameters set. `target`
/// is a copy: adding a component may move every ComponentSpec, and their ids with them.
void addController(Scenario& s, const std::string& kind, const std::string& id,
                   const std::string target,
                   std::initializer_list<std::pair<const char*, ParamValue>> values);

}  // namespace pillars::review
