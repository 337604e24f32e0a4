#include "widgets/document/starting_parameters.hpp"

#include <string_view>
#include <utility>

namespace pillars {

namespace {

struct Starting {
  std::string_view kind;
  std::string_view param;
  ParamValue value;
};

const Starting kStarting[] = {
    {"client", "rate", 50.0},
    {"service", "workers", std::int64_t{4}},
};

}  // namespace

void applyStartingParameters(ComponentSpec& component) {
  for (const Starting& s : kStarting) {
    if (component.kind != s.kind) continue;
    if (const auto index = component.params.indexOf(s.param)) component.params.set(*index, s.value);
  }
}

}  // namespace pillars
