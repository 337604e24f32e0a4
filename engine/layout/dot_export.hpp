#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/model/scenario.hpp"

namespace pillars {

/// Graphviz layout engines Pillars offers. dot draws layers (requests flow left to right);
/// the others are force-directed (neato, fdp, sfdp) or circular (circo).
enum class LayoutEngine { Dot, Neato, Fdp, Sfdp, Circo };
std::string_view layoutEngineName(LayoutEngine engine);
std::optional<LayoutEngine> layoutEngineFromName(std::string_view name);

/// `s` as a DOT double-quoted string ("a\"b" for a"b).
std::string dotQuote(std::string_view s);

/// The topology as Graphviz DOT: one box per component, sized like the editor's cards, one
/// edge per link labelled with its latency, zones and regions as nested clusters.
std::string scenarioToDot(const Scenario& scenario);

}  // namespace pillars
