#pragma once

namespace pillars {

class KindUiRegistry;

/// Registers the Truth pillar's kind UIs:
/// glyphs, card summaries, Raft's live badge, figure words and menu entries.
void registerTruthUi(KindUiRegistry& registry);

}  // namespace pillars
