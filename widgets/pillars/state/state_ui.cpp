// The State pillar's kinds as the app draws them: a cache, a store and a shard router, their
// card lines, and a store's role in words.
#include "widgets/pillars/state/state_ui.hpp"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <array>

#include "engine/model/scenario.hpp"
#include "engine/pillars/state/cache.hpp"
#include "engine/pillars/state/shard_router.hpp"
#include "engine/pillars/state/store.hpp"
#include "widgets/common/count_text.hpp"
#include "widgets/pillars/kind_ui.hpp"

namespace pillars {

namespace {

// A lightning bolt: fast memory.
void drawCache(QPainter& p, const GlyphFrame& g) {
  QPainterPath bolt;
  bolt.moveTo(g.at(0.58, 0.08));
  bolt.lineTo(g.at(0.26, 0.56));
  bolt.lineTo(g.at(0.5, 0.56));
  bolt.lineTo(g.at(0.4, 0.92));
  bolt.lineTo(g.at(0.74, 0.42));
  bolt.lineTo(g.at(0.5, 0.42));
  bolt.closeSubpath();
  p.drawPath(bolt);
}

QString cacheSummary(const ComponentSpec& c) {
  const QString base =
      countText(c.params.integer("capacity"), QStringLiteral("key"), QStringLiteral("keys")) +
      QStringLiteral(", LRU");
  return paramText(c, "write_policy") == QStringLiteral("read_only")
             ? base
             : base + kSummaryDot + paramWords(c, "write_policy");
}

// A database: a cylinder.
void drawStore(QPainter& p, const GlyphFrame& g) {
  p.drawEllipse(QRectF(g.at(0.18, 0.12), g.at(0.82, 0.32)));
  p.drawLine(g.at(0.18, 0.22), g.at(0.18, 0.78));
  p.drawLine(g.at(0.82, 0.22), g.at(0.82, 0.78));
  p.drawArc(QRectF(g.at(0.18, 0.68), g.at(0.82, 0.88)), 180 * 16, 180 * 16);
  p.drawArc(QRectF(g.at(0.18, 0.42), g.at(0.82, 0.62)), 180 * 16, 180 * 16);
}

QString storeSummary(const ComponentSpec& c) {
  if (paramText(c, "replication") == QStringLiteral("leaderless")) {
    return QStringLiteral("quorum W=") + paramText(c, "write_quorum") + QStringLiteral(" R=") +
           paramText(c, "read_quorum");
  }
  return QStringLiteral("leader/follower") + kSummaryDot +
         paramText(c, "ack").replace(QLatin1Char('_'), QLatin1Char('-'));
}

std::optional<FigureWords> storeFigureWords(const std::string& figure, double value) {
  // Store::Role: Follower, Leader, Recovering, Replica.
  static const std::array<const char*, 4> roles = {
      QT_TRANSLATE_NOOP("pillars::LiveFigures", "Follower"),
      QT_TRANSLATE_NOOP("pillars::LiveFigures", "Leader"),
      QT_TRANSLATE_NOOP("pillars::LiveFigures", "Catching up"),
      QT_TRANSLATE_NOOP("pillars::LiveFigures", "Replica")};
  return roleWords(figure, value, roles);
}

// Keys split between three small stores.
void drawShardRouter(QPainter& p, const GlyphFrame& g) {
  p.drawPolygon(QPolygonF({g.at(0.08, 0.5), g.at(0.22, 0.36), g.at(0.36, 0.5), g.at(0.22, 0.64)}));
  for (const qreal y : {0.18, 0.5, 0.82}) {
    p.drawLine(g.at(0.36, 0.5), g.at(0.62, y));
    p.drawEllipse(QRectF(g.at(0.62, y - 0.06), g.at(0.92, y + 0.02)));
    p.drawLine(g.at(0.62, y - 0.02), g.at(0.62, y + 0.08));
    p.drawLine(g.at(0.92, y - 0.02), g.at(0.92, y + 0.08));
    p.drawArc(QRectF(g.at(0.62, y + 0.02), g.at(0.92, y + 0.1)), 180 * 16, 180 * 16);
  }
}

QString shardRouterSummary(const ComponentSpec& c) {
  return paramWords(c, "strategy") + kSummaryDot +
         countText(c.params.integer("keys"), QStringLiteral("key"), QStringLiteral("keys"));
}

}  // namespace

void registerStateUi(KindUiRegistry& r) {
  r.add({.kind = std::string(Cache::kKind), .drawGlyph = drawCache, .summary = cacheSummary});
  r.add({.kind = std::string(Store::kKind),
         .drawGlyph = drawStore,
         .summary = storeSummary,
         .figureWords = storeFigureWords});
  r.add({.kind = std::string(ShardRouter::kKind),
         .drawGlyph = drawShardRouter,
         .summary = shardRouterSummary});
}

}  // namespace pillars
