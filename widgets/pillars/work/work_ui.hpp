#pragma once

namespace pillars {

class KindUiRegistry;

/// Registers the Work pillar's kind UIs: glyphs, card summaries.
void registerWorkUi(KindUiRegistry& registry);

}  // namespace pillars
