#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "engine/layout/dot_export.hpp"
#include "engine/model/scenario.hpp"

namespace pillars {

/// Component centres computed by a layout, in editor pixels (y grows downwards).
using LayoutPositions = std::map<std::string, std::pair<double, double>>;

/// Lays out a scenario's topology with Graphviz (libgvc). Returns nothing and fills `error` if
/// Graphviz fails. Slow engines (fdp, circo) can take minutes on thousands of nodes: callers
/// with a user waiting run this off their interface thread.
std::optional<LayoutPositions> layoutScenario(const Scenario& scenario, LayoutEngine engine,
                                              std::string* error);

/// Lays out and draws the topology: format "svg", "png" or "dot" (the laid-out DOT). Returns
/// the file's bytes, so callers can write them atomically.
std::optional<std::string> renderScenario(const Scenario& scenario, LayoutEngine engine,
                                          const std::string& format, std::string* error);

/// Lays out and draws any DOT text (the review's decision tree, ...): format "svg" or "png".
std::optional<std::string> renderDot(const std::string& dot, LayoutEngine engine, const std::string& format,
                                     std::string* error);

}  // namespace pillars
