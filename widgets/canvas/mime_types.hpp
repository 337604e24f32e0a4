#pragma once

namespace pillars {

/// Drag payload naming a component kind ("service"): palette to canvas.
inline constexpr const char* kKindMimeType = "application/x-pillars-kind";

}  // namespace pillars

namespace pillars {

/// Clipboard payload of copied components: a scenario JSON fragment (also put on the
/// clipboard as plain text, so a copy pastes into a text editor as a valid scenario).
inline constexpr const char* kFragmentMimeType = "application/x-pillars-fragment";

}  // namespace pillars
