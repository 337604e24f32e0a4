// The Intelligence pillar's kinds as the app draws them: an autoscaler and a chaos monkey.
#include "widgets/pillars/intelligence/intelligence_ui.hpp"

#include <QObject>
#include <QPainter>
#include <QPainterPath>

#include "engine/model/scenario.hpp"
#include "engine/pillars/intelligence/autoscaler.hpp"
#include "engine/pillars/intelligence/chaos_monkey.hpp"
#include "widgets/pillars/kind_ui.hpp"

namespace pillars {

namespace {

// Instances growing with load: three bars of rising height and an arrow up.
void drawAutoscaler(QPainter& p, const GlyphFrame& g) {
  const qreal tops[] = {0.62, 0.46, 0.3};
  for (int i = 0; i < 3; ++i) {
    const qreal x = 0.1 + 0.22 * i;
    p.drawRect(QRectF(g.at(x, tops[i]), g.at(x + 0.16, 0.88)));
  }
  p.drawLine(g.at(0.84, 0.88), g.at(0.84, 0.12));
  p.drawLine(g.at(0.84, 0.12), g.at(0.74, 0.24));
  p.drawLine(g.at(0.84, 0.12), g.at(0.94, 0.24));
}

// "HPA · utilization 50% · 2–12"
QString autoscalerSummary(const ComponentSpec& c) {
  const QString metric = paramText(c, "metric");
  const QString target = paramText(c, "target");
  const QString goal = metric == QStringLiteral("utilization")
                           ? QStringLiteral("utilization ") + target + QStringLiteral("%")
                       : metric == QStringLiteral("rps")
                           ? target + QStringLiteral(" req/s each")
                           : QStringLiteral("queue ") + target + QStringLiteral(" each");
  const QString algorithm = paramText(c, "algorithm");
  const QString name = algorithm == QStringLiteral("hpa") ? QStringLiteral("HPA")
                       : algorithm == QStringLiteral("target_tracking")
                           ? QObject::tr("Target tracking")
                           : QObject::tr("Predictive");
  return name + kSummaryDot + goal + kSummaryDot + paramText(c, "min_replicas") +
         QStringLiteral("\u2013") + paramText(c, "max_replicas");
}

// A lightning bolt striking one of a row of instances.
void drawChaosMonkey(QPainter& p, const GlyphFrame& g) {
  for (int i = 0; i < 3; ++i) {
    const qreal x = 0.08 + 0.3 * i;
    p.drawRect(QRectF(g.at(x, 0.66), g.at(x + 0.24, 0.9)));
  }
  QPainterPath bolt;
  bolt.moveTo(g.at(0.62, 0.08));
  bolt.lineTo(g.at(0.4, 0.38));
  bolt.lineTo(g.at(0.56, 0.38));
  bolt.lineTo(g.at(0.42, 0.62));
  p.drawPath(bolt);
}

// "kill · 1 per 60s · radius 1"
QString chaosMonkeySummary(const ComponentSpec& c) {
  return paramText(c, "attack") + kSummaryDot +
         QObject::tr("1 per %1").arg(paramText(c, "mean_time_between_kills")) + kSummaryDot +
         QObject::tr("radius %1").arg(paramText(c, "blast_radius"));
}

}  // namespace

void registerIntelligenceUi(KindUiRegistry& r) {
  r.add({.kind = std::string(Autoscaler::kKind),
         .drawGlyph = drawAutoscaler,
         .summary = autoscalerSummary});
  r.add({.kind = std::string(ChaosMonkey::kKind),
         .drawGlyph = drawChaosMonkey,
         .summary = chaosMonkeySummary});
}

}  // namespace pillars
