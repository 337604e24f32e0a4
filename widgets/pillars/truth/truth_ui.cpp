// The Truth pillar's kinds as the app draws them: a Raft node (glyph, card line, its live badge,
// its role in words, its menu entries), the two-phase commit's coordinator and participant, and
// a saga's orchestrator and step.
#include "widgets/pillars/truth/truth_ui.hpp"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <array>

#include "engine/model/scenario.hpp"
#include "engine/pillars/truth/raft_node.hpp"
#include "engine/pillars/truth/saga_orchestrator.hpp"
#include "engine/pillars/truth/saga_step.hpp"
#include "engine/pillars/truth/two_phase_coordinator.hpp"
#include "engine/pillars/truth/two_phase_participant.hpp"
#include "widgets/pillars/kind_ui.hpp"
#include "widgets/pillars/truth/raft_menu_entries.hpp"
#include "widgets/pillars/truth/raft_node_badge.hpp"

namespace pillars {

namespace {

// Three members that talk to each other; the filled one leads.
void drawRaftNode(QPainter& p, const GlyphFrame& g) {
  const QPointF a = g.at(0.5, 0.2), b = g.at(0.2, 0.76), c = g.at(0.8, 0.76);
  p.drawLine(a, b);
  p.drawLine(b, c);
  p.drawLine(c, a);
  const qreal r = 0.12 * g.width();
  p.setBrush(g.fill);  // followers hide the lines behind them
  p.drawEllipse(b, r, r);
  p.drawEllipse(c, r, r);
  p.setBrush(g.ink);
  p.drawEllipse(a, r, r);
}

QString raftNodeSummary(const ComponentSpec& c) {
  return QStringLiteral("election ") + paramText(c, "election_timeout_min") +
         QStringLiteral("\u2013") + paramText(c, "election_timeout_max");
}

CardAdornment* makeRaftNodeBadge(QGraphicsItem* parent) {
  return new RaftNodeBadge(parent);
}

std::optional<FigureWords> raftNodeFigureWords(const std::string& figure, double value) {
  // RaftNode::Role: Follower, Candidate, Leader.
  static const std::array<const char*, 3> roles = {
      QT_TRANSLATE_NOOP("pillars::LiveFigures", "Follower"),
      QT_TRANSLATE_NOOP("pillars::LiveFigures", "Candidate"),
      QT_TRANSLATE_NOOP("pillars::LiveFigures", "Leader")};
  return roleWords(figure, value, roles);
}

// One voice asking two parties, and the decision: a tick.
void drawTpcCoordinator(QPainter& p, const GlyphFrame& g) {
  p.drawEllipse(QRectF(g.at(0.08, 0.36), g.at(0.36, 0.64)));
  p.drawLine(g.at(0.36, 0.5), g.at(0.62, 0.22));
  p.drawLine(g.at(0.36, 0.5), g.at(0.62, 0.78));
  p.drawRect(QRectF(g.at(0.62, 0.12), g.at(0.86, 0.32)));
  p.drawRect(QRectF(g.at(0.62, 0.68), g.at(0.86, 0.88)));
  p.drawLine(g.at(0.14, 0.5), g.at(0.2, 0.57));
  p.drawLine(g.at(0.2, 0.57), g.at(0.3, 0.43));
}

QString tpcCoordinatorSummary(const ComponentSpec& c) {
  return QStringLiteral("vote timeout ") + paramText(c, "vote_timeout");
}

// A padlock: a prepared participant holds its locks until the decision comes.
void drawTpcParticipant(QPainter& p, const GlyphFrame& g) {
  const qreal w = g.width();
  p.drawRoundedRect(QRectF(g.at(0.2, 0.46), g.at(0.8, 0.88)), w * 0.05, w * 0.05);
  p.drawArc(QRectF(g.at(0.32, 0.12), g.at(0.68, 0.64)), 0, 180 * 16);
  p.drawLine(g.at(0.32, 0.38), g.at(0.32, 0.46));
  p.drawLine(g.at(0.68, 0.38), g.at(0.68, 0.46));
  p.drawPoint(g.at(0.5, 0.66));
}

QString tpcParticipantSummary(const ComponentSpec& c) {
  return QStringLiteral("votes no p=") + paramText(c, "abort_probability");
}

// Steps in order, and the way back that compensates them.
void drawSagaOrchestrator(QPainter& p, const GlyphFrame& g) {
  for (const qreal x : {0.06, 0.38, 0.7}) p.drawRect(QRectF(g.at(x, 0.2), g.at(x + 0.24, 0.44)));
  p.drawLine(g.at(0.3, 0.32), g.at(0.38, 0.32));
  p.drawLine(g.at(0.62, 0.32), g.at(0.7, 0.32));
  QPainterPath back;
  back.moveTo(g.at(0.82, 0.5));
  back.cubicTo(g.at(0.82, 0.9), g.at(0.18, 0.9), g.at(0.18, 0.5));
  p.drawPath(back);
  p.drawLine(g.at(0.18, 0.5), g.at(0.1, 0.62));
  p.drawLine(g.at(0.18, 0.5), g.at(0.26, 0.62));
}

QString sagaOrchestratorSummary(const ComponentSpec& c) {
  return QStringLiteral("step timeout ") + paramText(c, "step_timeout");
}

// A unit of work with its undo.
void drawSagaStep(QPainter& p, const GlyphFrame& g) {
  const qreal w = g.width();
  p.drawRoundedRect(QRectF(g.at(0.12, 0.14), g.at(0.88, 0.5)), w * 0.04, w * 0.04);
  QPainterPath undo;
  undo.moveTo(g.at(0.72, 0.86));
  undo.cubicTo(g.at(0.84, 0.62), g.at(0.46, 0.56), g.at(0.32, 0.7));
  p.drawPath(undo);
  p.drawLine(g.at(0.32, 0.7), g.at(0.34, 0.58));
  p.drawLine(g.at(0.32, 0.7), g.at(0.44, 0.72));
}

QString sagaStepSummary(const ComponentSpec& c) {
  return QStringLiteral("fails p=") + paramText(c, "failure_probability");
}

}  // namespace

void registerTruthUi(KindUiRegistry& r) {
  r.add({.kind = std::string(RaftNode::kKind),
         .drawGlyph = drawRaftNode,
         .summary = raftNodeSummary,
         .makeAdornment = makeRaftNodeBadge,
         .figureWords = raftNodeFigureWords,
         .addMenuEntries = raftmenu::addEntries});
  r.add({.kind = std::string(TwoPhaseCoordinator::kKind),
         .drawGlyph = drawTpcCoordinator,
         .summary = tpcCoordinatorSummary});
  r.add({.kind = std::string(TwoPhaseParticipant::kKind),
         .drawGlyph = drawTpcParticipant,
         .summary = tpcParticipantSummary});
  r.add({.kind = std::string(SagaOrchestrator::kKind),
         .drawGlyph = drawSagaOrchestrator,
         .summary = sagaOrchestratorSummary});
  r.add({.kind = std::string(SagaStepService::kKind),
         .drawGlyph = drawSagaStep,
         .summary = sagaStepSummary});
}

}  // namespace pillars
