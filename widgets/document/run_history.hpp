#pragma once

#include <optional>
#include <utility>

#include "engine/run/stored_run.hpp"

namespace pillars {

/// The runs a document keeps: the last finished one (saved with a project, kept across saves
/// until a new run replaces it) and the one it replaced, for Review › Compare Runs… (in memory
/// only: a project stores one run, and opening another file forgets it).
class RunHistory {
 public:
  RunHistory() = default;
  /// What a file brought: its stored run, nothing before it.
  explicit RunHistory(std::optional<StoredRun> fromFile) : m_last(std::move(fromFile)) {}

  const std::optional<StoredRun>& last() const { return m_last; }
  const std::optional<StoredRun>& previous() const { return m_previous; }

  /// A run finished: it becomes the last, and the last before it the previous ("run, apply a
  /// pattern, run again" is the point of comparing).
  void keep(StoredRun run) {
    m_previous = std::move(m_last);
    m_last = std::move(run);
  }

 private:
  std::optional<StoredRun> m_last;
  std::optional<StoredRun> m_previous;
};

}  // namespace pillars
