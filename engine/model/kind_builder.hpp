#pragma once

#include <memory>
#include <string>

#include "engine/model/component_kind.hpp"

namespace pillars {

/// The ComponentKind of a component class T: its name (T::kKind), its parameters
/// (T::paramSpecs()) and a factory; the caller sets the traits. Every pillar registers its
/// kinds with this.
template <typename T>
ComponentKind kindFor(Pillar pillar, std::string title, std::string description) {
  ComponentKind k;
  k.name = std::string(T::kKind);
  k.title = std::move(title);
  k.pillar = pillar;
  k.description = std::move(description);
  k.params = T::paramSpecs();
  k.create = [](const std::string& id, const ParamSet& params) -> std::unique_ptr<Component> {
    return std::make_unique<T>(id, params);
  };
  return k;
}

}  // namespace pillars
