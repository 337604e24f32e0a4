#pragma once
// What an edit of the design left for the reviewer to know: Apply Replication puts a load
// balancer in front of the replicas, and that balancer is a new single point of failure.

#include <string>
#include <vector>

namespace pillars {
struct Scenario;
}

namespace pillars::review {

/// The single points of failure of `after` that `before` did not have, each as a sentence:
/// "db-lb is a new single point of failure (it cuts off users)". Empty when there are none.
std::vector<std::string> newSinglePointsOfFailure(const Scenario& before, const Scenario& after);

}  // namespace pillars::review
