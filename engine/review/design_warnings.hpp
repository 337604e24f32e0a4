#pragma once
// What is wrong with a design before it runs, in sentences: components offered more load than
// they can serve (λ > c·μ, offered_load.hpp), and caches with nothing behind them. The editor
// marks the cards and says so in the status bar.

#include <string>
#include <vector>

namespace pillars {
struct Scenario;
}

namespace pillars::review {

struct DesignWarning {
  enum class Kind { Overload, CacheWithoutStore };
  Kind kind = Kind::Overload;
  std::string component;
  std::string sentence;  // "service1 is offered 200 req/s but can serve 100 req/s (1 worker, mean 10ms)."
  std::string badge;     // short, for the card: "overloaded 200/100 req/s"
};

/// Every warning, in the components' declaration order.
std::vector<DesignWarning> designWarnings(const Scenario& scenario);

}  // namespace pillars::review
