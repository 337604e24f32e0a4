#pragma once
// The recommender's facts as a review uses them: what the design tells (prefillFacts), with
// what the reviewer typed over it. Kept in the project (ProjectReview::facts) so the report
// recommends what the Recommend Patterns dialog did.

#include <map>
#include <string>
#include <vector>

#include "engine/review/facts.hpp"

namespace pillars::review {

/// `prefilled` with each of `typed` (fact name -> text as typed) over it: a text sets the fact,
/// an empty text makes it unknown. Texts that cannot be read leave the prefilled value and are
/// listed in `problems` (optional); unknown names too. `sources` says which facts the reviewer
/// gave ("uptime_target_percent: 99.95% (given by the reviewer)").
Facts factsWithOverrides(const Facts& prefilled, const std::map<std::string, std::string>& typed,
                         std::vector<std::string>* problems = nullptr);

}  // namespace pillars::review
