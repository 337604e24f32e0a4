// The Work pillar's kinds as the app draws them: a client, a load balancer, a service and a
// queue, each with its glyph and the card line that sums up its parameters.
#include "widgets/pillars/work/work_ui.hpp"

#include <QObject>
#include <QPainter>

#include "engine/model/scenario.hpp"
#include "engine/pillars/work/broker.hpp"
#include "engine/pillars/work/client.hpp"
#include "engine/pillars/work/load_balancer.hpp"
#include "engine/pillars/work/service.hpp"
#include "widgets/common/count_text.hpp"
#include "widgets/pillars/kind_ui.hpp"

namespace pillars {

namespace {

// A screen on a stand.
void drawClient(QPainter& p, const GlyphFrame& g) {
  const qreal w = g.width();
  p.drawRoundedRect(QRectF(g.at(0.12, 0.15), g.at(0.88, 0.68)), w * 0.06, w * 0.06);
  p.drawLine(g.at(0.5, 0.68), g.at(0.5, 0.84));
  p.drawLine(g.at(0.3, 0.86), g.at(0.7, 0.86));
}

QString clientSummary(const ComponentSpec& c) {
  if (paramText(c, "mode") == QStringLiteral("closed")) {
    return countText(c.params.integer("users"), QStringLiteral("user"), QStringLiteral("users")) +
           kSummaryDot + paramText(c, "think_time");
  }
  return paramText(c, "rate") + QStringLiteral(" req/s") + kSummaryDot + paramText(c, "arrival");
}

// One input fanning out to three outputs.
void drawLoadBalancer(QPainter& p, const GlyphFrame& g) {
  p.drawEllipse(QRectF(g.at(0.1, 0.38), g.at(0.34, 0.62)));
  for (const qreal y : {0.18, 0.5, 0.82}) {
    p.drawLine(g.at(0.34, 0.5), g.at(0.78, y));
    p.drawEllipse(QRectF(g.at(0.78, y - 0.08), g.at(0.94, y + 0.08)));
  }
}

QString loadBalancerSummary(const ComponentSpec& c) {
  return paramWords(c, "policy");
}

// A stack of server units.
void drawService(QPainter& p, const GlyphFrame& g) {
  const qreal w = g.width();
  for (const qreal y : {0.14, 0.4, 0.66}) {
    p.drawRoundedRect(QRectF(g.at(0.12, y), g.at(0.88, y + 0.2)), w * 0.04, w * 0.04);
    p.drawPoint(g.at(0.76, y + 0.1));
  }
}

QString serviceSummary(const ComponentSpec& c) {
  // A replica set reads as one stacked card: "×10 · 4 workers · exp(40ms)".
  const std::int64_t replicas = c.params.integer("replicas");
  const QString set =
      replicas > 1 ? QStringLiteral("\u00d7%1").arg(replicas) + kSummaryDot : QString();
  return set +
         countText(c.params.integer("workers"), QStringLiteral("worker"),
                   QStringLiteral("workers")) +
         kSummaryDot + paramText(c, "service_time");
}

// Messages waiting in line, an arrow leaving.
void drawQueue(QPainter& p, const GlyphFrame& g) {
  for (const qreal x : {0.1, 0.3, 0.5}) p.drawRect(QRectF(g.at(x, 0.3), g.at(x + 0.14, 0.7)));
  p.drawLine(g.at(0.7, 0.5), g.at(0.92, 0.5));
  p.drawLine(g.at(0.84, 0.4), g.at(0.92, 0.5));
  p.drawLine(g.at(0.84, 0.6), g.at(0.92, 0.5));
}

QString queueSummary(const ComponentSpec& c) {
  return QStringLiteral("prefetch ") + paramText(c, "prefetch");
}

}  // namespace

void registerWorkUi(KindUiRegistry& r) {
  // A client at a modest 50 req/s and services with 4 workers (400 req/s of capacity at the
  // default 10 ms): client -> service dropped together runs at about 12% load instead of one
  // worker that the first higher rate overwhelms.
  r.add({.kind = std::string(Client::kKind),
         .drawGlyph = drawClient,
         .summary = clientSummary,
         .startingValues = {{"rate", ParamValue{50.0}}}});
  r.add({.kind = std::string(LoadBalancer::kKind),
         .drawGlyph = drawLoadBalancer,
         .summary = loadBalancerSummary});
  r.add({.kind = std::string(Service::kKind),
         .drawGlyph = drawService,
         .summary = serviceSummary,
         .startingValues = {{"workers", ParamValue{std::int64_t{4}}}}});
  r.add({.kind = std::string(Broker::kKind), .drawGlyph = drawQueue, .summary = queueSummary});
}

}  // namespace pillars
