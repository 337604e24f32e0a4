#include "engine/pillars/state/state_kinds.hpp"

#include "engine/model/kind_builder.hpp"
#include "engine/pillars/state/cache.hpp"

namespace pillars {

void registerStateKinds(ComponentRegistry& registry) {
  registry.add(kindFor<Cache>(Pillar::State, "Cache", "LRU look-aside cache in front of a data store"));
}

}  // namespace pillars
