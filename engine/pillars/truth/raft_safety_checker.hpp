#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/pillars/truth/raft_entry.hpp"
#include "engine/sim/figures.hpp"

namespace pillars {

class Simulation;

/// Watches one consensus group while it runs and checks the safety properties of Raft
/// (Ongaro & Ousterhout 2014, figure 3) from what the nodes report:
///  - election safety: at most one leader per term;
///  - log matching: an (index, term) pair always names the same command with the same
///    predecessor term, which by induction makes the logs identical up to that index;
///  - leader completeness: a new leader of term T holds every entry committed in a term < T;
///  - state-machine safety: no two nodes commit or apply different entries at one index, and
///    no node discards an entry it already knew to be committed.
/// The first violation stops the simulation (Simulation::stop) and is kept with the node, term,
/// index and time; later ones are counted. Memory grows with the log, by amortised appends to
/// flat vectors indexed by log index, so checking costs no allocation per event once warm.
class RaftSafetyChecker {
 public:
  RaftSafetyChecker(Simulation& sim, std::vector<std::string> memberNames);

  /// `member` won the election for `term` with `log` (index i is log[i - 1]).
  void leaderElected(std::size_t member, std::int64_t term, const std::vector<RaftEntry>& log);
  /// `member` now holds `entry` at `index`, after an entry of term `prevTerm`.
  void appended(std::size_t member, std::int64_t index, const RaftEntry& entry, std::int64_t prevTerm);
  /// `member`, in `currentTerm`, learned that `entry` at `index` is committed.
  void committed(std::size_t member, std::int64_t index, const RaftEntry& entry,
                 std::int64_t currentTerm);
  /// `member` applied `entry` at `index` to its state machine.
  void applied(std::size_t member, std::int64_t index, const RaftEntry& entry);
  /// `member` is discarding its entries from `index` on, while its commit index is `commitIndex`.
  void truncating(std::size_t member, std::int64_t index, std::int64_t commitIndex,
                  std::int64_t term);

  std::uint64_t violationCount() const { return m_count; }
  const std::vector<Violation>& violations() const { return m_violations; }

 private:
  struct Seen {
    std::int64_t term = 0;  // 0: nothing recorded at this index yet
    std::uint64_t command = 0;
    std::int64_t prevTerm = 0;
  };
  struct Committed {
    RaftEntry entry;
    std::int64_t inTerm = 0;  // the earliest term in which any node knew it committed
  };

  void report(const char* property, std::size_t member, std::int64_t term, std::int64_t index,
              std::string detail);
  static std::string describe(const RaftEntry& e);

  Simulation& m_sim;
  std::vector<std::string> m_names;
  std::vector<std::size_t> m_leaderOfTerm;  // kNone where no leader was elected
  std::vector<Seen> m_firstSeen;            // by index: the first (term, command) appended there
  std::map<std::pair<std::int64_t, std::int64_t>, Seen> m_otherTerms;  // rare: conflicting terms
  std::vector<Committed> m_committed;       // by index (term 0: not known to be committed)
  std::vector<RaftEntry> m_applied;         // by index (term 0: not applied anywhere yet)
  std::vector<Violation> m_violations;
  std::uint64_t m_count = 0;
};

}  // namespace pillars
