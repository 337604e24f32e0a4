#include "engine/review/apply_consequences.hpp"

#include <algorithm>

#include "engine/model/scenario.hpp"
#include "engine/review/topology_analysis.hpp"

namespace pillars::review {

std::vector<std::string> newSinglePointsOfFailure(const Scenario& before, const Scenario& after) {
  const TopologyAnalysis was = analyzeTopology(before);
  const TopologyAnalysis now = analyzeTopology(after);
  std::vector<std::string> out;
  for (const auto& spof : now.singlePointsOfFailure) {
    const bool old = std::any_of(was.singlePointsOfFailure.begin(), was.singlePointsOfFailure.end(),
                                 [&](const auto& s) { return s.component == spof.component; });
    if (old) continue;
    std::string clients;
    for (std::size_t i = 0; i < spof.clients.size(); ++i) {
      clients += (i == 0 ? "" : (i + 1 == spof.clients.size() ? " and " : ", ")) + spof.clients[i];
    }
    out.push_back(spof.component + " is a new single point of failure" +
                  (clients.empty() ? std::string() : " (it cuts off " + clients + ")"));
  }
  return out;
}

}  // namespace pillars::review
