#include "widgets/document/starting_parameters.hpp"

#include "widgets/pillars/kind_ui.hpp"

namespace pillars {

void applyStartingParameters(ComponentSpec& component) {
  // Each pillar says what its kinds start with (KindUi::startingValues).
  const KindUi* ui = kindUi(component.kind);
  if (!ui) return;
  for (const auto& [param, value] : ui->startingValues) {
    if (const auto index = component.params.indexOf(param)) component.params.set(*index, value);
  }
}

}  // namespace pillars
