#pragma once

namespace pillars {

/// Drag payload naming a component kind ("service"): palette to canvas.
inline constexpr const char* kKindMimeType = "application/x-pillars-kind";

}  // namespace pillars
