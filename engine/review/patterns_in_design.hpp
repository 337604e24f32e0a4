#pragma once
// Which of the pattern table's patterns a design already has, read off its components: a
// balancer in front of every service the clients reach, a cache, copies of every data store,
// health checks on every balancer, ... The recommender leaves these out: a review that tells a
// design with a load balancer to add one has not looked at the design.

#include <string>
#include <vector>

namespace pillars {
struct Scenario;
}

namespace pillars::review {

/// A pattern the design already uses, and where, in words.
struct PatternInDesign {
  std::string patternId;  // the pattern table's id ("load_balancer")
  std::string where;      // "lb spreads requests over web1, web2 and web3"
};

/// The patterns `scenario` already has, in the pattern table's order. Only patterns whose
/// mechanism is drawn as a component or parameter are judged; a pattern that is a matter of
/// degree (horizontal scaling: one more instance is always possible) is never "present".
std::vector<PatternInDesign> patternsInDesign(const Scenario& scenario);

}  // namespace pillars::review
