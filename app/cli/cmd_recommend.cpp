#include <cstdio>

#include "app/cli/command.hpp"
#include "app/cli/command_line.hpp"
#include "app/cli/recommendation_output.hpp"
#include "app/cli/review_input.hpp"
#include "engine/io/json_writer.hpp"

namespace pillars::cli {

int runRecommend(const std::vector<std::string>& args) {
  CommandLine cl(
      "recommend",
      "Recommends patterns from facts alone, by the seed's pattern table (use when / don't\n"
      "use when) and decision matrix (--fact problem=ROW). Each pattern says which rule\n"
      "fired, in words.\n\n" +
          factHelp() +
          "\nExample:\n"
          "  pillars-cli recommend --fact peak_rps=5000 --fact uptime_target_percent=99.95\n");
  std::vector<std::string> factArgs;
  bool json = false;
  std::string checklists;
  cl.repeatable("--fact", factArgs, "NAME=VALUE", "Set a fact (repeatable)")->check(factArgProblem);
  cl.flag("--json", json, "Print the recommendations as JSON instead of text");
  cl.option("--checklists", checklists, "DIR",
            "Also load the review files in DIR (extra patterns, ...)");
  if (const auto done = cl.parse(args)) return *done;
  review::Facts facts;
  applyFactArgs(factArgs, facts);
  const auto library = loadReviewLibraryOrReport(checklists);
  if (!library) return kExitFailed;
  const auto recommendations = review::recommend(*library, facts);
  if (json) {
    JsonWriter w;
    w.beginObject();
    w.field("format", "pillars-recommendations");
    w.field("version", 1);
    writeFactsJson(w, facts);
    writeRecommendationsJson(w, recommendations);
    w.endObject();
    std::printf("%s\n", w.str().c_str());
  } else {
    printFacts(facts);
    std::printf("\n");
    printRecommendations(recommendations);
  }
  return kExitOk;
}

}  // namespace pillars::cli
