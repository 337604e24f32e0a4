#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace pillars::lin {

/// One operation on a key-value register, as a client saw it: when it was invoked, when it
/// returned (if it did), and the value written or read. Keys and values are small integers
/// (a reader interns names and JSON values into them).
struct Operation {
  std::uint32_t key = 0;
  bool write = false;
  std::uint32_t value = 0;  // written, or returned by a read
  double invoke = 0;
  double response = 0;      // ignored when pending
  bool pending = false;     // no response seen: it may or may not have taken effect
  std::string label;        // names the operation in explanations ("#3 c1 read x -> 1")
};

struct History {
  std::vector<Operation> ops;
  /// Every key's value before any write.
  std::uint32_t initialValue = 0;
};

/// Bounds that keep a check from running away on a large or hard history.
struct Limits {
  /// Search steps (tries to place an operation, plus backtracks) over all keys.
  std::uint64_t maxSteps = 2'000'000;
  /// Operations on one key; the search's memo holds a bit per operation per visited state.
  std::size_t maxOpsPerKey = 4096;
};

enum class Verdict { Linearizable, NotLinearizable, TooLarge };

struct Result {
  Verdict verdict = Verdict::Linearizable;
  std::uint64_t steps = 0;
  std::size_t keysChecked = 0;
  std::size_t pendingReadsIgnored = 0;
  /// When not linearizable: the key, the longest order of operations the search could
  /// justify (indices into History::ops), the value the register held after them, and the
  /// operation that could not be placed next (it had to take effect by its response, but no
  /// order let it).
  std::uint32_t key = 0;
  std::vector<std::size_t> longestPrefix;
  std::uint32_t stateAfterPrefix = 0;
  std::size_t unplaceable = 0;
  /// Why it is too large, or a short explanation of the verdict for people.
  std::string reason;
};

/// Decides whether a register history is linearizable (Herlihy & Wing 1990).
///
/// The history is split by key, since a register history is linearizable exactly when each
/// key's sub-history is (linearizability is local). Each key is searched with Wing & Gong's
/// algorithm as improved by Lowe: operations are tried in the order of their invocations, an
/// operation is placed only when the register allows it (a read must return the current
/// value), the search backtracks when it meets the response of an operation not yet placed,
/// and every (set of placed operations, register value) pair already explored is memoized so
/// it is never explored twice (as in Knossos and Porcupine).
///
/// Intervals that only touch (one's response time equals another's invocation) count as
/// concurrent. A pending write may take effect at any time after its invocation, or never; a
/// pending read returned nothing and constrains nothing, so it is ignored.
Result check(const History& history, const Limits& limits = {});

}  // namespace pillars::lin
