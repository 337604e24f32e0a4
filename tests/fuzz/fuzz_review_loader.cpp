// Fuzzes the checklist/lens loader: the input is one review file (checklist, decision tree,
// decision matrix, pattern table or reference table), read alone and read as a user folder
// beside the bundled checklists/ (the app's way, so references to bundled patterns and
// duplicated ids are covered). When the loader accepts a library, the parts of the review that
// trust it run on it too: the tree wizard, suggested answers and risks for every checklist,
// and the pattern recommender with the three-tier example's facts.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/review/evidence.hpp"
#include "engine/review/facts.hpp"
#include "engine/review/recommender.hpp"
#include "engine/review/review_loader.hpp"
#include "engine/review/risk.hpp"
#include "engine/review/tree_walker.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace pillars;

namespace {

struct Fixture {
  std::vector<review::ReviewSource> bundled;
  Scenario scenario;
  std::vector<review::EvidenceItem> evidence;
  review::Facts facts;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture out;
    for (const auto& path : review::reviewFilesIn(fuzz::sourceDir() + "/checklists")) {
      out.bundled.push_back({path.string(), fuzz::readFile(path.string())});
    }
    if (out.bundled.empty()) fuzz::fail("no bundled review data under checklists/");
    auto load = loadScenarioFile(fuzz::sourceDir() + "/resources/examples/three-tier.json", builtinRegistry());
    if (!load.ok()) fuzz::fail("the three-tier example does not load");
    out.scenario = std::move(*load.scenario);
    out.evidence = review::gatherEvidence(out.scenario, nullptr);
    out.facts = review::prefillFacts(out.scenario, nullptr);
    return out;
  }();
  return f;
}

/// Walks a tree as the wizard lets a person: answers chosen by the input's bytes, continuing
/// past results and stepping back now and then, for a bounded number of steps.
void walk(const review::DecisionTree& tree, const std::uint8_t* data, std::size_t size) {
  review::TreeWalker walker(tree);
  for (std::size_t step = 0; step < 64; ++step) {
    const std::uint8_t choice = size > 0 ? data[step % size] : 0;
    if (walker.finished()) break;
    if (walker.canContinue()) {
      walker.continueOn();
    } else if (choice % 7 == 0) {
      walker.back();
    } else {
      const auto labels = walker.answers();
      if (labels.empty()) break;
      walker.answer(labels[choice % labels.size()]);
    }
  }
  (void)walker.results();
}

void useLibrary(const review::ReviewLibrary& library, const std::uint8_t* data, std::size_t size) {
  const Fixture& f = fixture();
  for (const auto& tree : library.trees) walk(tree, data, size);
  for (const auto& checklist : library.checklists) {
    const auto suggested = review::suggestAnswers(checklist, f.evidence);
    (void)review::evaluateRisks(checklist, review::answersFrom(suggested), f.evidence);
  }
  auto recommendations = review::recommend(library, f.facts);
  review::resolveApplyHints(recommendations, f.scenario, nullptr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const review::ReviewSource input{"user/fuzz.json", std::string(fuzz::asText(data, size))};
  const review::LibraryLoad alone = review::readReviewSources({input});
  if (alone.ok()) useLibrary(alone.library, data, size);

  std::vector<review::ReviewSource> sources = fixture().bundled;
  sources.push_back(input);
  const review::LibraryLoad beside = review::readReviewSources(sources);
  if (beside.ok()) useLibrary(beside.library, data, size);
  return 0;
}
