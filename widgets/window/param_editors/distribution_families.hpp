#pragma once

#include <string_view>
#include <vector>

#include "engine/sim/distribution.hpp"

namespace pillars {

/// A family the distribution editor offers, in the order its combo lists them.
struct DistributionFamily {
  Distribution::Kind kind;
  std::string_view label;      // as people read it: "exponential"
  std::string_view signature;  // the text grammar's arguments: "exp(mean)"
};

/// Every family the engine's text grammar knows (see distribution_text.cpp).
const std::vector<DistributionFamily>& distributionFamilies();

/// A distribution of family `kind` resembling `from`: the same mean where the family allows
/// it (so switching exp(20ms) to normal gives normal(20ms, 5ms)), with round numbers and
/// customary shapes (lognormal sigma 0.5, Pareto shape 1.5, Erlang k 3, gamma shape 2). Always
/// valid for `dim`; Zipf, a rank distribution, starts at zipf(1000, 1.1).
Distribution convertDistribution(const Distribution& from, Distribution::Kind kind,
                                 Distribution::Dimension dim);

}  // namespace pillars
