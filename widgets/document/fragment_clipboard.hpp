#pragma once

#include <QString>
#include <optional>

#include "engine/model/scenario.hpp"

namespace pillars {

/// Copy and paste of topology fragments through the system clipboard. A fragment travels as
/// scenario JSON, the same format pillars-cli reads, so components copied in one window paste
/// into another, and scenario text copied from an editor pastes onto the canvas.
namespace fragment_clipboard {

void put(const Scenario& fragment);
/// The fragment on the clipboard; nothing when it holds no scenario, with the reason in `why`.
std::optional<Scenario> take(QString* why);
/// Whether the clipboard holds something that may paste (cheap: no parsing).
bool mayHoldFragment();

}  // namespace fragment_clipboard
}  // namespace pillars
