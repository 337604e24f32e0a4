#include "widgets/window/inspector_sheet.hpp"

#include <algorithm>

namespace pillars {

namespace {

const ParamSpec* sameParameter(const ParamSet& set, const ParamSpec& like, std::size_t* index) {
  const auto i = set.indexOf(like.name);
  if (!i) return nullptr;
  const ParamSpec& spec = set.specs()[*i];
  if (spec.type != like.type) return nullptr;
  if (spec.type == ParamType::Distribution && spec.dimension != like.dimension) return nullptr;
  *index = *i;
  return &spec;
}

}  // namespace

std::vector<SheetRow> commonParameters(const std::vector<const ParamSet*>& targets) {
  std::vector<SheetRow> rows;
  if (targets.empty() || !targets.front()) return rows;
  const ParamSet& first = *targets.front();
  for (std::size_t p = 0; p < first.specs().size(); ++p) {
    SheetRow row{first.specs()[p], first.value(p), first.isDefault(p),
                 formatParamValue(first.specs()[p], first.specs()[p].defaultValue)};
    bool shared = true;
    for (std::size_t t = 1; t < targets.size() && shared; ++t) {
      std::size_t index = 0;
      const ParamSpec* spec = sameParameter(*targets[t], row.spec, &index);
      if (!spec) {
        shared = false;
        break;
      }
      if (row.value && !(*row.value == targets[t]->value(index))) row.value.reset();
      row.allDefault = row.allDefault && targets[t]->isDefault(index);
      if (row.sharedDefault && formatParamValue(*spec, spec->defaultValue) != *row.sharedDefault) {
        row.sharedDefault.reset();
      }
      // Offer only the choices every kind accepts.
      auto& choices = row.spec.choices;
      choices.erase(std::remove_if(choices.begin(), choices.end(),
                                   [spec](const std::string& c) {
                                     return std::find(spec->choices.begin(), spec->choices.end(), c) ==
                                            spec->choices.end();
                                   }),
                    choices.end());
    }
    if (shared) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace pillars
