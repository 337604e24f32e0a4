#include "engine/pillars/truth/linearizability.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <string_view>
#include <unordered_set>

namespace pillars::lin {

namespace {

/// The memo's budget: visited (placed set, value) pairs cost a bit per operation each.
constexpr std::size_t kMaxMemoBytes = std::size_t{256} << 20;

/// One key's search, kept apart so its buffers die with it.
class KeySearch {
 public:
  KeySearch(const History& h, std::vector<std::size_t> ops, std::uint64_t stepBudget)
      : m_history(h), m_ops(std::move(ops)), m_budget(stepBudget) {}

  Verdict run(Result& out);
  std::uint64_t steps() const { return m_steps; }

 private:
  struct Entry {
    double time = 0;
    bool isReturn = false;
    std::size_t op = 0;  // index into m_ops
    int partner = -1;    // the call's return entry, or the return's call entry
  };

  void buildEntries();
  void lift(int call);
  void unlift(int call);
  bool memoInsert(std::uint32_t state);

  const History& m_history;
  std::vector<std::size_t> m_ops;  // indices into the history, this key only
  std::uint64_t m_budget;
  std::uint64_t m_steps = 0;
  std::vector<Entry> m_entries;
  std::vector<int> m_next, m_prev;  // doubly linked list; node m_entries.size() is the head
  std::vector<std::uint64_t> m_placed;
  std::unordered_set<std::string> m_memo;
  std::string m_memoKey;
};

void KeySearch::buildEntries() {
  const double never = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < m_ops.size(); ++i) {
    const Operation& op = m_history.ops[m_ops[i]];
    m_entries.push_back({op.invoke, false, i, -1});
    m_entries.push_back({op.pending ? never : op.response, true, i, -1});
  }
  // By time; at equal times calls first, so that touching intervals are concurrent; then by
  // position in the file, so the search order (and the explanation) is deterministic.
  std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
    if (a.time != b.time) return a.time < b.time;
    if (a.isReturn != b.isReturn) return !a.isReturn;
    return a.op < b.op;
  });
  std::vector<int> callOf(m_ops.size(), -1);
  for (int e = 0; e < static_cast<int>(m_entries.size()); ++e) {
    if (!m_entries[e].isReturn) callOf[m_entries[e].op] = e;
  }
  for (int e = 0; e < static_cast<int>(m_entries.size()); ++e) {
    if (m_entries[e].isReturn) {
      const int call = callOf[m_entries[e].op];
      m_entries[e].partner = call;
      m_entries[call].partner = e;
    }
  }
  const int n = static_cast<int>(m_entries.size());
  m_next.resize(n + 1);
  m_prev.resize(n + 1);
  for (int e = 0; e < n; ++e) {
    m_next[e] = e + 1 < n ? e + 1 : -1;
    m_prev[e] = e == 0 ? n : e - 1;
  }
  m_next[n] = n > 0 ? 0 : -1;  // the head
  m_prev[n] = -1;
}

// Removing a placed operation's call and return from the list (dancing links) and putting
// them back in the reverse order restores the list exactly on backtracking.
void KeySearch::lift(int call) {
  const int ret = m_entries[call].partner;
  for (const int e : {call, ret}) {
    m_next[m_prev[e]] = m_next[e];
    if (m_next[e] >= 0) m_prev[m_next[e]] = m_prev[e];
  }
}

void KeySearch::unlift(int call) {
  const int ret = m_entries[call].partner;
  for (const int e : {ret, call}) {
    m_next[m_prev[e]] = e;
    if (m_next[e] >= 0) m_prev[m_next[e]] = e;
  }
}

bool KeySearch::memoInsert(std::uint32_t state) {
  m_memoKey.assign(reinterpret_cast<const char*>(m_placed.data()),
                   m_placed.size() * sizeof(std::uint64_t));
  m_memoKey.append(reinterpret_cast<const char*>(&state), sizeof state);
  return m_memo.insert(m_memoKey).second;
}

Verdict KeySearch::run(Result& out) {
  buildEntries();
  const int head = static_cast<int>(m_entries.size());
  m_placed.assign((m_ops.size() + 63) / 64, 0);
  struct Frame {
    int call;
    std::uint32_t stateBefore;
  };
  std::vector<Frame> stack;
  std::uint32_t state = m_history.initialValue;
  std::ptrdiff_t deepest = -1;
  const std::size_t memoEntryBytes = m_placed.size() * 8 + 4 + 64;  // + node overhead
  int e = m_next[head];
  while (m_next[head] >= 0) {
    if (++m_steps > m_budget) {
      out.reason = "the search took more than its budget of steps";
      return Verdict::TooLarge;
    }
    if (m_memo.size() * memoEntryBytes > kMaxMemoBytes) {
      out.reason = "the search visited more states than its memory budget allows";
      return Verdict::TooLarge;
    }
    const Entry& entry = m_entries[e];
    if (!entry.isReturn) {
      const Operation& op = m_history.ops[m_ops[entry.op]];
      // A register: a write always succeeds; a read must see the current value.
      const bool allowed = op.write || op.value == state;
      if (allowed) {
        const std::uint32_t next = op.write ? op.value : state;
        m_placed[entry.op / 64] |= std::uint64_t{1} << (entry.op % 64);
        if (memoInsert(next)) {
          stack.push_back({e, state});
          state = next;
          lift(e);
          e = m_next[head];
          continue;
        }
        m_placed[entry.op / 64] &= ~(std::uint64_t{1} << (entry.op % 64));
      }
      e = m_next[e];
      continue;
    }
    // The response of an operation not yet placed: it had to take effect by now, and no
    // choice so far allowed it. Remember the deepest such point for the explanation.
    if (static_cast<std::ptrdiff_t>(stack.size()) > deepest) {
      deepest = static_cast<std::ptrdiff_t>(stack.size());
      out.longestPrefix.clear();
      for (const Frame& f : stack) out.longestPrefix.push_back(m_ops[m_entries[f.call].op]);
      out.stateAfterPrefix = state;
      out.unplaceable = m_ops[entry.op];
    }
    if (stack.empty()) return Verdict::NotLinearizable;
    const Frame top = stack.back();
    stack.pop_back();
    state = top.stateBefore;
    const std::size_t placed = m_entries[top.call].op;
    m_placed[placed / 64] &= ~(std::uint64_t{1} << (placed % 64));
    unlift(top.call);
    e = m_next[top.call];
  }
  return Verdict::Linearizable;
}

}  // namespace

Result check(const History& history, const Limits& limits) {
  Result result;
  // Partition by key, in key order (deterministic); pending reads constrain nothing.
  std::map<std::uint32_t, std::vector<std::size_t>> byKey;
  for (std::size_t i = 0; i < history.ops.size(); ++i) {
    const Operation& op = history.ops[i];
    if (op.pending && !op.write) {
      ++result.pendingReadsIgnored;
      continue;
    }
    byKey[op.key].push_back(i);
  }
  for (auto& [key, ops] : byKey) {
    ++result.keysChecked;
    result.key = key;
    if (ops.size() > limits.maxOpsPerKey) {
      result.verdict = Verdict::TooLarge;
      result.reason = "key has " + std::to_string(ops.size()) + " operations, more than the limit of " +
                      std::to_string(limits.maxOpsPerKey);
      return result;
    }
    // A read of a value that is neither the initial one nor written by any write to the key
    // can never be placed: say so directly instead of after a search.
    for (const std::size_t i : ops) {
      const Operation& op = history.ops[i];
      if (op.write || op.value == history.initialValue) continue;
      const bool written = std::any_of(ops.begin(), ops.end(), [&](std::size_t j) {
        return history.ops[j].write && history.ops[j].value == op.value;
      });
      if (!written) {
        result.verdict = Verdict::NotLinearizable;
        result.unplaceable = i;
        result.stateAfterPrefix = history.initialValue;
        result.reason = "it reads a value that no write to this key writes";
        return result;
      }
    }
    KeySearch search(history, ops, limits.maxSteps - std::min(limits.maxSteps, result.steps));
    Result keyResult;
    const Verdict v = search.run(keyResult);
    result.steps += search.steps();
    if (v != Verdict::Linearizable) {
      result.verdict = v;
      result.longestPrefix = std::move(keyResult.longestPrefix);
      result.stateAfterPrefix = keyResult.stateAfterPrefix;
      result.unplaceable = keyResult.unplaceable;
      result.reason = v == Verdict::TooLarge
                          ? keyResult.reason
                          : "no order of the operations before its response lets it take effect";
      return result;
    }
  }
  return result;
}

}  // namespace pillars::lin
