#include "widgets/canvas/kind_style.hpp"

#include <QPainter>
#include <QObject>
#include <QPixmap>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "widgets/common/tool_icons.hpp"
#include "widgets/pillars/kind_ui.hpp"

namespace pillars::kindstyle {

namespace {

const ComponentKind* kindOf(const std::string& kind) { return builtinRegistry().find(kind); }

QString text(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

QColor pillarFill(Pillar pillar) {
  switch (pillar) {
    case Pillar::Work: return QColor(0xe1, 0xf5, 0xfe);
    case Pillar::State: return QColor(0xe8, 0xf5, 0xe9);
    case Pillar::Truth: return QColor(0xff, 0xf3, 0xe0);
    case Pillar::Control: return QColor(0xfc, 0xe4, 0xec);
    case Pillar::Intelligence: return QColor(0xf3, 0xe5, 0xf5);
  }
  return QColor(0xee, 0xee, 0xee);
}

QColor pillarBorder(Pillar pillar) { return pillarFill(pillar).darker(170); }

QString pillarTitle(Pillar pillar) {
  QString name = text(std::string(pillarName(pillar)));
  if (!name.isEmpty()) name[0] = name[0].toUpper();
  return name;
}

QString pillarBlurb(Pillar pillar) {
  switch (pillar) {
    case Pillar::Work: return QObject::tr("Requests: clients, balancing, services, queues");
    case Pillar::State: return QObject::tr("Data: caches, stores, replication");
    case Pillar::Truth: return QObject::tr("Agreement: consensus, transactions, sagas");
    case Pillar::Control: return QObject::tr("Resilience: timeouts, circuit breakers, deployments");
    case Pillar::Intelligence: return QObject::tr("Adaptation: autoscaling, self-healing, chaos");
  }
  return {};
}

QString pillarWithoutKinds(Pillar pillar) {
  // The Control pillar's first mechanisms are settings of the callers and servers they guard,
  // as in Envoy and resilience4j, so the pillar has no card of its own yet.
  if (pillar == Pillar::Control) {
    return QObject::tr("circuit breakers, retry budgets, shedding, outlier ejection: set them on a "
                       "Client, Service or Load balancer in the Inspector");
  }
  return QObject::tr("coming in a later version");
}

QColor fill(const std::string& kind) {
  const ComponentKind* k = kindOf(kind);
  return pillarFill(k ? k->pillar : Pillar::Work);
}

QColor border(const std::string& kind) { return fill(kind).darker(170); }

void drawGlyph(QPainter& p, const QRectF& box, const std::string& kind) {
  p.save();
  p.setRenderHint(QPainter::Antialiasing);
  const GlyphFrame frame{box, border(kind).darker(130), fill(kind)};
  p.setPen(QPen(frame.ink, std::max(1.2, box.width() / 16.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  p.setBrush(Qt::NoBrush);
  // Each pillar draws its own kinds (widgets/pillars/<pillar>/); a kind without a glyph of its
  // own is a plain circle.
  if (const KindUi* ui = kindUi(kind); ui && ui->drawGlyph) {
    ui->drawGlyph(p, frame);
  } else {
    p.drawEllipse(QRectF(frame.at(0.2, 0.2), frame.at(0.8, 0.8)));
  }
  p.restore();
}

QIcon icon(const std::string& kind) {
  return drawnIcon([kind](QPainter& p, const QRectF& box) { drawGlyph(p, box, kind); });
}

QString title(const std::string& kind) {
  const ComponentKind* k = kindOf(kind);
  return k ? text(k->title) : text(kind);
}

QString summary(const ComponentSpec& c) {
  const KindUi* ui = kindUi(c.kind);
  return ui && ui->summary ? ui->summary(c) : QString();
}

}  // namespace pillars::kindstyle
