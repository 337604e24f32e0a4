#pragma once

#include <QString>

#include "engine/sim/time.hpp"

namespace pillars {

/// A duration as people read it, rounded to what matters: "12.346s" for a fault made by hand
/// at 12,345,678,901 ns, "2m", "250ms", "1.5us". Whole seconds and longer keep milliseconds,
/// shorter ones three significant digits. It reads back with parseDuration (to the value shown).
QString readableDuration(SimTime duration);

}  // namespace pillars
