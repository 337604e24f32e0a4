#pragma once

namespace pillars {

class KindUiRegistry;

/// Registers the State pillar's kind UIs: glyphs, card summaries and the store's figure words.
void registerStateUi(KindUiRegistry& registry);

}  // namespace pillars
