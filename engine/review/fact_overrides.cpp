#include "engine/review/fact_overrides.hpp"

namespace pillars::review {

Facts factsWithOverrides(const Facts& prefilled, const std::map<std::string, std::string>& typed,
                         std::vector<std::string>* problems) {
  Facts out;
  for (const FactDefinition& def : factDefinitions()) {
    const auto given = typed.find(def.name);
    if (given == typed.end()) {
      if (const auto value = prefilled.get(def.name)) out.set(def.name, *value);
      continue;
    }
    if (given->second.empty()) continue;  // the reviewer made it unknown
    const std::string error = out.setFromText(def.name, given->second);
    if (!error.empty()) {
      if (problems) problems->push_back(error);
      if (const auto value = prefilled.get(def.name)) out.set(def.name, *value);
      continue;
    }
    out.sources.push_back(def.name + ": " + formatFact(def, *out.get(def.name)) + " (given by the reviewer)");
  }
  // Where the design's facts came from, for those the reviewer left alone.
  for (const std::string& source : prefilled.sources) {
    const std::string name = source.substr(0, source.find(':'));
    if (!typed.count(name)) out.sources.push_back(source);
  }
  for (const auto& [name, text] : typed) {
    if (!findFactDefinition(name) && problems) problems->push_back("no fact named \"" + name + "\"");
  }
  return out;
}

}  // namespace pillars::review
