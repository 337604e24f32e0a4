#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace pillars {

/// The state machine a raft_node applies its log to: a key-value register per key. A write
/// stores its value (the client's request id, unique per request); a read returns the latest
/// value of its key, or 0 when the key was never written.
///
/// Why a sorted vector and not a hash map: clients draw keys from a small range, so after the
/// first write of each key nothing is allocated, and clear() keeps the capacity for the replay
/// that follows a crash (the store is volatile: a restarted node rebuilds it from its log).
class RaftKvStore {
 public:
  void write(std::uint64_t key, std::int64_t value) {
    auto it = find(key);
    if (it != m_values.end() && it->first == key) {
      it->second = value;
    } else {
      m_values.insert(it, {key, value});
    }
  }
  std::int64_t read(std::uint64_t key) const {
    auto it = std::lower_bound(m_values.begin(), m_values.end(), key,
                               [](const Slot& s, std::uint64_t k) { return s.first < k; });
    return it != m_values.end() && it->first == key ? it->second : 0;
  }
  void clear() { m_values.clear(); }
  std::size_t size() const { return m_values.size(); }

 private:
  using Slot = std::pair<std::uint64_t, std::int64_t>;
  std::vector<Slot>::iterator find(std::uint64_t key) {
    return std::lower_bound(m_values.begin(), m_values.end(), key,
                            [](const Slot& s, std::uint64_t k) { return s.first < k; });
  }
  std::vector<Slot> m_values;
};

}  // namespace pillars
