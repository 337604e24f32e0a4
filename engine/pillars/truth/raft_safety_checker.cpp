#include "engine/pillars/truth/raft_safety_checker.hpp"

#include <algorithm>

#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

constexpr std::size_t kNone = ~std::size_t{0};
/// Violations kept in full; the rest are only counted (the first one is what matters).
constexpr std::size_t kKeptViolations = 16;

/// Grows a by-index table so that `index` is valid (amortised; indexes start at 1).
template <typename T>
T& at(std::vector<T>& table, std::int64_t index) {
  const auto i = static_cast<std::size_t>(index);
  if (table.size() <= i) table.resize(std::max(i + 1, table.size() * 2));
  return table[i];
}

}  // namespace

RaftSafetyChecker::RaftSafetyChecker(Simulation& sim, std::vector<std::string> memberNames)
    : m_sim(sim), m_names(std::move(memberNames)) {}

std::string RaftSafetyChecker::describe(const RaftEntry& e) {
  return "(term " + std::to_string(e.term) + ", " +
         (e.command == 0 ? std::string("no-op") : "request " + std::to_string(e.command)) + ")";
}

void RaftSafetyChecker::report(const char* property, std::size_t member, std::int64_t term,
                               std::int64_t index, std::string detail) {
  ++m_count;
  if (m_violations.size() < kKeptViolations) {
    m_violations.push_back(
        Violation{property, m_names[member], {{"term", term}, {"index", index}}, m_sim.now(),
                  std::move(detail)});
  }
  // An unsafe run's later figures mean nothing: stop where it broke, for people to look at.
  m_sim.halt();
}

void RaftSafetyChecker::leaderElected(std::size_t member, std::int64_t term,
                                      const std::vector<RaftEntry>& log) {
  if (static_cast<std::size_t>(term) >= m_leaderOfTerm.size()) {
    m_leaderOfTerm.resize(std::max<std::size_t>(static_cast<std::size_t>(term) + 1,
                                                m_leaderOfTerm.size() * 2),
                          kNone);
  }
  std::size_t& leader = m_leaderOfTerm[static_cast<std::size_t>(term)];
  if (leader != kNone && leader != member) {
    report("election_safety", member, term, 0,
           m_names[member] + " was elected leader of term " + std::to_string(term) + ", which " +
               m_names[leader] + " already leads");
  }
  leader = member;
  // Leader completeness: only entries committed in an earlier term must be here (one
  // committed in term T or later by another leader may legitimately be missing).
  const auto length = static_cast<std::int64_t>(log.size());
  for (std::size_t i = 1; i < m_committed.size(); ++i) {
    const Committed& c = m_committed[i];
    if (c.entry.term == 0 || c.inTerm >= term) continue;
    const auto index = static_cast<std::int64_t>(i);
    if (index > length || !log[i - 1].sameAs(c.entry)) {
      report("leader_completeness", member, term, index,
             m_names[member] + " became leader of term " + std::to_string(term) +
                 " without the committed entry " + describe(c.entry) + " at index " +
                 std::to_string(index) +
                 (index > length ? " (its log ends at " + std::to_string(length) + ")"
                                 : " (it holds " + describe(log[i - 1]) + ")"));
      return;
    }
  }
}

void RaftSafetyChecker::appended(std::size_t member, std::int64_t index, const RaftEntry& entry,
                                 std::int64_t prevTerm) {
  Seen& first = at(m_firstSeen, index);
  Seen* seen = &first;
  if (first.term == 0) {
    first = Seen{entry.term, entry.command, prevTerm};
    return;
  }
  if (first.term != entry.term) {
    auto [it, inserted] =
        m_otherTerms.try_emplace({index, entry.term}, Seen{entry.term, entry.command, prevTerm});
    if (inserted) return;
    seen = &it->second;
  }
  if (seen->command != entry.command || seen->prevTerm != prevTerm) {
    report("log_matching", member, entry.term, index,
           m_names[member] + " holds " + describe(entry) + " after an entry of term " +
               std::to_string(prevTerm) + " at index " + std::to_string(index) +
               ", where another log has " + describe(RaftEntry{seen->term, seen->command, 0}) +
               " after term " + std::to_string(seen->prevTerm));
  }
}

void RaftSafetyChecker::committed(std::size_t member, std::int64_t index, const RaftEntry& entry,
                                  std::int64_t currentTerm) {
  Committed& c = at(m_committed, index);
  if (c.entry.term == 0) {
    c.entry = entry;
    c.inTerm = currentTerm;
    return;
  }
  if (!c.entry.sameAs(entry)) {
    report("state_machine_safety", member, entry.term, index,
           m_names[member] + " committed " + describe(entry) + " at index " +
               std::to_string(index) + ", where " + describe(c.entry) + " was committed before");
    return;
  }
  c.inTerm = std::min(c.inTerm, currentTerm);
}

void RaftSafetyChecker::applied(std::size_t member, std::int64_t index, const RaftEntry& entry) {
  RaftEntry& a = at(m_applied, index);
  if (a.term == 0) {
    a = entry;
    return;
  }
  if (!a.sameAs(entry)) {
    report("state_machine_safety", member, entry.term, index,
           m_names[member] + " applied " + describe(entry) + " at index " +
               std::to_string(index) + ", where another node applied " + describe(a));
  }
}

void RaftSafetyChecker::truncating(std::size_t member, std::int64_t index,
                                   std::int64_t commitIndex, std::int64_t term) {
  if (index > commitIndex) return;
  report("state_machine_safety", member, term, index,
         m_names[member] + " is discarding its log from index " + std::to_string(index) +
             " although it knew entries up to " + std::to_string(commitIndex) +
             " were committed");
}

}  // namespace pillars
