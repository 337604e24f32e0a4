#pragma once

#include <QColor>
#include <QString>
#include <array>
#include <cstdint>

#include "engine/sim/time.hpp"
#include "widgets/pillars/card_adornment.hpp"

namespace pillars {

class RaftNode;
class Simulation;

/// What the app shows of one raft_node at a moment: a small copy made once per frame from the
/// engine's read-only accessors (a few numbers and the terms of the last log entries, never
/// the whole log).
struct RaftView {
  enum class Role { Follower, Candidate, Leader, Down };
  static constexpr int kLogTail = 8;  // log entries drawn, the newest ones

  Role role = Role::Follower;
  std::int64_t term = 0;
  QString votedFor;  // component id, empty when no vote this term
  QString leader;    // the leader it knows, empty if none
  /// Election timer: the share of the current timeout still to run, 1 just reset, 0 at the
  /// deadline. Unused for a leader (no timer) or a crashed node.
  double timerLeft = 0.0;
  std::int64_t lastIndex = 0;
  std::int64_t commitIndex = 0;
  /// Terms of entries firstShown .. lastIndex (at most kLogTail of them).
  std::int64_t firstShown = 1;
  std::array<std::int64_t, kLogTail> tailTerms{};

  int shownEntries() const { return static_cast<int>(lastIndex - firstShown + 1); }
  bool operator==(const RaftView&) const = default;
};

/// Reads a node's state into a view; `sim` names the ids it voted for and follows.
RaftView readRaftView(const RaftNode& node, const Simulation& sim, SimTime now, bool up);

QString raftRoleName(RaftView::Role role);
QColor raftRoleColour(RaftView::Role role);
/// One colour per term, repeating every 8 terms, so entries of neighbouring terms differ.
QColor raftTermColour(std::int64_t term);

/// A raft_node's state drawn on and under its card, RaftScope style: a ring in the role's
/// colour around the card (with a crown for the leader), and a strip under the card with the
/// role, term, vote, an election-timer arc that drains towards the deadline, and the newest
/// log entries as small boxes coloured by term, committed ones filled and uncommitted ones
/// outlined, with "commit c/n". Positioned at the card's centre, like the other card overlays;
/// it repaints only when the view changed.
class RaftNodeBadge final : public CardAdornment {
 public:
  explicit RaftNodeBadge(QGraphicsItem* parent);

  /// Reads the node (a RaftNode) into its view.
  void follow(const Component& component, const Simulation& sim, SimTime now) override;
  void setView(const RaftView& view);
  const RaftView& view() const { return m_view; }

  QRectF boundingRect() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

  /// The strip under the card, relative to the card's centre.
  static QRectF stripRect();

 private:
  void paintRing(QPainter* p) const;
  void paintHeader(QPainter* p, const QRectF& row) const;
  void paintLog(QPainter* p, const QRectF& row) const;

  RaftView m_view;
};

}  // namespace pillars
