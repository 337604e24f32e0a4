#pragma once

namespace pillars {

class KindUiRegistry;

/// Registers the Intelligence pillar's kind UIs: glyphs, card summaries.
void registerIntelligenceUi(KindUiRegistry& registry);

}  // namespace pillars
