#include "engine/pillars/state/state_kinds.hpp"

#include "engine/model/component_kind.hpp"
#include "engine/pillars/state/cache.hpp"

namespace pillars {

void registerStateKinds(ComponentRegistry& registry) {
  ComponentKind cache;
  cache.name = "cache";
  cache.title = "Cache";
  cache.pillar = Pillar::State;
  cache.description = "LRU look-aside cache in front of a data store";
  cache.params = Cache::paramSpecs();
  cache.create = [](const std::string& id, const ParamSet& params) -> std::unique_ptr<Component> {
    return std::make_unique<Cache>(id, params);
  };
  registry.add(std::move(cache));
}

}  // namespace pillars
