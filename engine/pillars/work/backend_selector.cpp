#include "engine/pillars/work/backend_selector.hpp"

#include <algorithm>

namespace pillars {

std::uint64_t mixHash(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

namespace {
constexpr std::pair<std::string_view, BalancePolicy> kPolicyNames[] = {
    {"round_robin", BalancePolicy::RoundRobin},
    {"weighted_round_robin", BalancePolicy::WeightedRoundRobin},
    {"random", BalancePolicy::Random},
    {"least_connections", BalancePolicy::LeastConnections},
    {"power_of_two", BalancePolicy::PowerOfTwoChoices},
    {"consistent_hash", BalancePolicy::ConsistentHash},
};
}  // namespace

std::optional<BalancePolicy> balancePolicyFromName(std::string_view name) {
  for (const auto& [n, p] : kPolicyNames) {
    if (n == name) return p;
  }
  return std::nullopt;
}

std::string_view balancePolicyName(BalancePolicy policy) {
  for (const auto& [n, p] : kPolicyNames) {
    if (p == policy) return n;
  }
  return "round_robin";
}

std::size_t BackendSelector::addBackend(std::int64_t weight, std::uint64_t nameHash) {
  Backend b;
  b.weight = weight;
  b.nameHash = nameHash;
  const auto freeSlot = std::find_if(m_backends.begin(), m_backends.end(),
                                     [](const Backend& x) { return !x.present; });
  std::size_t index = m_backends.size();
  if (freeSlot != m_backends.end()) {
    index = static_cast<std::size_t>(freeSlot - m_backends.begin());
    *freeSlot = b;
  } else {
    m_backends.push_back(b);
  }
  if (m_policy == BalancePolicy::ConsistentHash) rebuildRing();
  return index;
}

void BackendSelector::removeBackend(std::size_t i) {
  m_backends[i] = Backend{};
  m_backends[i].present = false;
  m_backends[i].healthy = false;
  if (m_policy == BalancePolicy::ConsistentHash) rebuildRing();
}

std::size_t BackendSelector::presentCount() const {
  return static_cast<std::size_t>(
      std::count_if(m_backends.begin(), m_backends.end(), [](const Backend& b) { return b.present; }));
}

std::size_t BackendSelector::healthyCount() const {
  return static_cast<std::size_t>(std::count_if(m_backends.begin(), m_backends.end(), [](const Backend& b) {
    return b.present && b.healthy && !b.ejected && !b.blocked;
  }));
}

void BackendSelector::updatePanic() {
  m_panic = false;
  if (m_panicThreshold <= 0) return;
  std::size_t present = 0, good = 0;
  for (const Backend& b : m_backends) {
    present += b.present ? 1 : 0;
    good += b.present && b.healthy && !b.ejected ? 1 : 0;
  }
  m_panic = present > 0 && 100.0 * static_cast<double>(good) < m_panicThreshold * static_cast<double>(present);
}

std::optional<std::size_t> BackendSelector::select(std::uint64_t key, Rng& rng) {
  if (m_backends.empty()) return std::nullopt;
  updatePanic();
  switch (m_policy) {
    case BalancePolicy::RoundRobin: return roundRobin();
    case BalancePolicy::WeightedRoundRobin: return weightedRoundRobin();
    case BalancePolicy::Random: return randomHealthy(rng);
    case BalancePolicy::LeastConnections: return leastConnections();
    case BalancePolicy::PowerOfTwoChoices: return powerOfTwo(rng);
    case BalancePolicy::ConsistentHash: return consistentHash(key);
  }
  return std::nullopt;
}

std::optional<std::size_t> BackendSelector::roundRobin() {
  const std::size_t n = m_backends.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t candidate = (m_next + i) % n;
    if (eligible(m_backends[candidate])) {
      m_next = candidate + 1;
      return candidate;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> BackendSelector::weightedRoundRobin() {
  // Smooth weighted round robin: every healthy backend earns its weight, the richest is chosen
  // and pays the total. Picks interleave (a,a,b,a,... not a,a,a,b) and shares match the weights.
  std::int64_t total = 0;
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < m_backends.size(); ++i) {
    Backend& b = m_backends[i];
    if (!eligible(b)) continue;
    b.currentWeight += b.weight;
    total += b.weight;
    if (!best || b.currentWeight > m_backends[*best].currentWeight) best = i;
  }
  if (best) m_backends[*best].currentWeight -= total;
  return best;
}

std::optional<std::size_t> BackendSelector::randomHealthy(Rng& rng) {
  m_scratch.clear();
  for (std::size_t i = 0; i < m_backends.size(); ++i) {
    if (eligible(m_backends[i])) m_scratch.push_back(i);
  }
  if (m_scratch.empty()) return std::nullopt;
  return m_scratch[rng.below(m_scratch.size())];
}

std::optional<std::size_t> BackendSelector::leastConnections() {
  // Ties are broken by a rotating start, so equal backends share the load instead of the
  // first one taking every tie.
  const std::size_t n = m_backends.size();
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t candidate = (m_next + i) % n;
    const Backend& b = m_backends[candidate];
    if (!eligible(b)) continue;
    if (!best || b.outstanding < m_backends[*best].outstanding) best = candidate;
  }
  if (best) m_next = *best + 1;
  return best;
}

std::optional<std::size_t> BackendSelector::powerOfTwo(Rng& rng) {
  m_scratch.clear();
  for (std::size_t i = 0; i < m_backends.size(); ++i) {
    if (eligible(m_backends[i])) m_scratch.push_back(i);
  }
  const std::size_t n = m_scratch.size();
  if (n == 0) return std::nullopt;
  if (n == 1) return m_scratch[0];
  // Two distinct choices uniformly at random (Mitzenmacher's "power of two choices").
  const std::size_t first = rng.below(n);
  std::size_t second = rng.below(n - 1);
  if (second >= first) ++second;
  const std::size_t a = m_scratch[first];
  const std::size_t b = m_scratch[second];
  return m_backends[b].outstanding < m_backends[a].outstanding ? b : a;
}

void BackendSelector::rebuildRing() {
  m_ring.clear();
  for (std::uint32_t b = 0; b < m_backends.size(); ++b) {
    if (!m_backends[b].present) continue;
    for (std::uint32_t v = 0; v < m_virtualNodes; ++v) {
      m_ring.emplace_back(mixHash(m_backends[b].nameHash ^ mixHash(v)), b);
    }
  }
  std::sort(m_ring.begin(), m_ring.end());
}

std::optional<std::size_t> BackendSelector::consistentHash(std::uint64_t key) {
  if (m_ring.empty()) return std::nullopt;
  // The first point clockwise from the key's hash whose backend is healthy: when a backend is
  // down only its own keys move, to the next backends on the ring.
  const std::uint64_t point = mixHash(key);
  auto it = std::lower_bound(m_ring.begin(), m_ring.end(),
                             std::pair<std::uint64_t, std::uint32_t>{point, 0});
  for (std::size_t step = 0; step < m_ring.size(); ++step) {
    if (it == m_ring.end()) it = m_ring.begin();
    if (eligible(m_backends[it->second])) return it->second;
    ++it;
  }
  return std::nullopt;
}

}  // namespace pillars
