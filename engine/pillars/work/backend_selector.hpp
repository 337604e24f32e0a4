#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/sim/random.hpp"

namespace pillars {

/// The routing policies of a load balancer.
enum class BalancePolicy {
  RoundRobin,
  WeightedRoundRobin,
  Random,
  LeastConnections,
  PowerOfTwoChoices,
  ConsistentHash,
};
std::optional<BalancePolicy> balancePolicyFromName(std::string_view name);
std::string_view balancePolicyName(BalancePolicy policy);

/// Picks a backend for each request according to a policy, skipping backends marked down.
/// Kept apart from the load balancer component so the policies can be tested on their own.
class BackendSelector {
 public:
  struct Backend {
    std::int64_t weight = 1;
    std::uint32_t outstanding = 0;  // requests sent and not yet answered
    bool healthy = true;
    bool present = true;             // false once removed; the slot waits to be reused
    bool ejected = false;            // outlier detection took it out for a while
    bool blocked = false;            // its circuit breaker refuses calls now
    std::uint64_t nameHash = 0;     // places the backend on the hash ring
    std::int64_t currentWeight = 0;  // smooth weighted round robin state
  };

  BackendSelector(BalancePolicy policy, std::uint32_t virtualNodes)
      : m_policy(policy), m_virtualNodes(virtualNodes) {}

  BalancePolicy policy() const { return m_policy; }
  /// Adds a backend (healthy) and returns its index; a removed backend's index is reused
  /// first, so a set that scales in and out does not grow without bound.
  std::size_t addBackend(std::int64_t weight, std::uint64_t nameHash);
  /// Takes backend `i` out of rotation for good; other indexes do not move.
  void removeBackend(std::size_t i);
  Backend& backend(std::size_t i) { return m_backends[i]; }
  const Backend& backend(std::size_t i) const { return m_backends[i]; }
  /// Slots, removed backends' included (indexes run below this).
  std::size_t size() const { return m_backends.size(); }
  /// Backends not removed.
  std::size_t presentCount() const;
  std::size_t healthyCount() const;

  /// The chosen backend's index, or nothing when no backend is healthy.
  std::optional<std::size_t> select(std::uint64_t key, Rng& rng);
  /// Envoy's panic threshold (percent, 0 = off): when fewer backends than this share are
  /// healthy and not ejected, health and ejection are ignored and every backend takes traffic.
  void setPanicThreshold(double percent) { m_panicThreshold = percent; }
  /// Whether the last selection was made in panic.
  bool panicking() const { return m_panic; }

 private:
  std::optional<std::size_t> roundRobin();
  std::optional<std::size_t> weightedRoundRobin();
  std::optional<std::size_t> randomHealthy(Rng& rng);
  std::optional<std::size_t> leastConnections();
  std::optional<std::size_t> powerOfTwo(Rng& rng);
  std::optional<std::size_t> consistentHash(std::uint64_t key);
  void rebuildRing();
  bool eligible(const Backend& b) const {
    return b.present && (m_panic || (b.healthy && !b.ejected && !b.blocked));
  }
  void updatePanic();

  BalancePolicy m_policy;
  std::uint32_t m_virtualNodes;
  std::vector<Backend> m_backends;
  std::size_t m_next = 0;
  std::vector<std::size_t> m_scratch;  // reused list of healthy indices; no per-request allocation
  std::vector<std::pair<std::uint64_t, std::uint32_t>> m_ring;  // (point, backend), sorted
  double m_panicThreshold = 0;
  bool m_panic = false;
};

/// A well-mixed 64-bit hash of a 64-bit value (the splitmix64 finalizer).
std::uint64_t mixHash(std::uint64_t x);

}  // namespace pillars
