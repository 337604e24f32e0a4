#include "widgets/canvas/kind_style.hpp"

#include <QPainter>
#include <QPainterPath>
#include <QObject>
#include <QPixmap>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/pillars/state/store.hpp"
#include "engine/pillars/truth/raft_node.hpp"
#include "widgets/common/count_text.hpp"
#include "widgets/common/tool_icons.hpp"

namespace pillars::kindstyle {

namespace {

const ComponentKind* kindOf(const std::string& kind) { return builtinRegistry().find(kind); }

QString text(const std::string& s) { return QString::fromStdString(s); }

QString valueOf(const ComponentSpec& c, std::string_view name) {
  return text(c.params.text(name));
}

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
  const QColor ink = border(kind).darker(130);
  p.setPen(QPen(ink, std::max(1.2, box.width() / 16.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  p.setBrush(Qt::NoBrush);
  const qreal w = box.width();
  const qreal h = box.height();
  const QPointF o = box.topLeft();
  const auto at = [&](qreal fx, qreal fy) { return o + QPointF(fx * w, fy * h); };
  if (kind == "client") {
    // A screen on a stand.
    p.drawRoundedRect(QRectF(at(0.12, 0.15), at(0.88, 0.68)), w * 0.06, w * 0.06);
    p.drawLine(at(0.5, 0.68), at(0.5, 0.84));
    p.drawLine(at(0.3, 0.86), at(0.7, 0.86));
  } else if (kind == "load_balancer") {
    // One input fanning out to three outputs.
    p.drawEllipse(QRectF(at(0.1, 0.38), at(0.34, 0.62)));
    for (const qreal y : {0.18, 0.5, 0.82}) {
      p.drawLine(at(0.34, 0.5), at(0.78, y));
      p.drawEllipse(QRectF(at(0.78, y - 0.08), at(0.94, y + 0.08)));
    }
  } else if (kind == "service") {
    // A stack of server units.
    for (const qreal y : {0.14, 0.4, 0.66}) {
      p.drawRoundedRect(QRectF(at(0.12, y), at(0.88, y + 0.2)), w * 0.04, w * 0.04);
      p.drawPoint(at(0.76, y + 0.1));
    }
  } else if (kind == "queue") {
    // Messages waiting in line, an arrow leaving.
    for (const qreal x : {0.1, 0.3, 0.5}) p.drawRect(QRectF(at(x, 0.3), at(x + 0.14, 0.7)));
    p.drawLine(at(0.7, 0.5), at(0.92, 0.5));
    p.drawLine(at(0.84, 0.4), at(0.92, 0.5));
    p.drawLine(at(0.84, 0.6), at(0.92, 0.5));
  } else if (kind == "cache") {
    // A lightning bolt: fast memory.
    QPainterPath bolt;
    bolt.moveTo(at(0.58, 0.08));
    bolt.lineTo(at(0.26, 0.56));
    bolt.lineTo(at(0.5, 0.56));
    bolt.lineTo(at(0.4, 0.92));
    bolt.lineTo(at(0.74, 0.42));
    bolt.lineTo(at(0.5, 0.42));
    bolt.closeSubpath();
    p.drawPath(bolt);
  } else if (kind == Store::kKind) {
    // A database: a cylinder.
    const QRectF top(at(0.18, 0.12), at(0.82, 0.32));
    p.drawEllipse(top);
    p.drawLine(at(0.18, 0.22), at(0.18, 0.78));
    p.drawLine(at(0.82, 0.22), at(0.82, 0.78));
    p.drawArc(QRectF(at(0.18, 0.68), at(0.82, 0.88)), 180 * 16, 180 * 16);
    p.drawArc(QRectF(at(0.18, 0.42), at(0.82, 0.62)), 180 * 16, 180 * 16);
  } else if (kind == "shard_router") {
    // Keys split between three small stores.
    p.drawPolygon(QPolygonF({at(0.08, 0.5), at(0.22, 0.36), at(0.36, 0.5), at(0.22, 0.64)}));
    for (const qreal y : {0.18, 0.5, 0.82}) {
      p.drawLine(at(0.36, 0.5), at(0.62, y));
      p.drawEllipse(QRectF(at(0.62, y - 0.06), at(0.92, y + 0.02)));
      p.drawLine(at(0.62, y - 0.02), at(0.62, y + 0.08));
      p.drawLine(at(0.92, y - 0.02), at(0.92, y + 0.08));
      p.drawArc(QRectF(at(0.62, y + 0.02), at(0.92, y + 0.1)), 180 * 16, 180 * 16);
    }
  } else if (kind == RaftNode::kKind) {
    // Three members that talk to each other; the filled one leads.
    const QPointF a = at(0.5, 0.2), b = at(0.2, 0.76), c = at(0.8, 0.76);
    p.drawLine(a, b);
    p.drawLine(b, c);
    p.drawLine(c, a);
    const qreal r = 0.12 * w;
    p.setBrush(fill(kind));  // followers hide the lines behind them
    p.drawEllipse(b, r, r);
    p.drawEllipse(c, r, r);
    p.setBrush(ink);
    p.drawEllipse(a, r, r);
  } else if (kind == "tpc_coordinator") {
    // One voice asking two parties, and the decision: a tick.
    p.drawEllipse(QRectF(at(0.08, 0.36), at(0.36, 0.64)));
    p.drawLine(at(0.36, 0.5), at(0.62, 0.22));
    p.drawLine(at(0.36, 0.5), at(0.62, 0.78));
    p.drawRect(QRectF(at(0.62, 0.12), at(0.86, 0.32)));
    p.drawRect(QRectF(at(0.62, 0.68), at(0.86, 0.88)));
    p.drawLine(at(0.14, 0.5), at(0.2, 0.57));
    p.drawLine(at(0.2, 0.57), at(0.3, 0.43));
  } else if (kind == "tpc_participant") {
    // A padlock: a prepared participant holds its locks until the decision comes.
    p.drawRoundedRect(QRectF(at(0.2, 0.46), at(0.8, 0.88)), w * 0.05, w * 0.05);
    p.drawArc(QRectF(at(0.32, 0.12), at(0.68, 0.64)), 0, 180 * 16);
    p.drawLine(at(0.32, 0.38), at(0.32, 0.46));
    p.drawLine(at(0.68, 0.38), at(0.68, 0.46));
    p.drawPoint(at(0.5, 0.66));
  } else if (kind == "saga_orchestrator") {
    // Steps in order, and the way back that compensates them.
    for (const qreal x : {0.06, 0.38, 0.7}) p.drawRect(QRectF(at(x, 0.2), at(x + 0.24, 0.44)));
    p.drawLine(at(0.3, 0.32), at(0.38, 0.32));
    p.drawLine(at(0.62, 0.32), at(0.7, 0.32));
    QPainterPath back;
    back.moveTo(at(0.82, 0.5));
    back.cubicTo(at(0.82, 0.9), at(0.18, 0.9), at(0.18, 0.5));
    p.drawPath(back);
    p.drawLine(at(0.18, 0.5), at(0.1, 0.62));
    p.drawLine(at(0.18, 0.5), at(0.26, 0.62));
  } else if (kind == "saga_step") {
    // A unit of work with its undo.
    p.drawRoundedRect(QRectF(at(0.12, 0.14), at(0.88, 0.5)), w * 0.04, w * 0.04);
    QPainterPath undo;
    undo.moveTo(at(0.72, 0.86));
    undo.cubicTo(at(0.84, 0.62), at(0.46, 0.56), at(0.32, 0.7));
    p.drawPath(undo);
    p.drawLine(at(0.32, 0.7), at(0.34, 0.58));
    p.drawLine(at(0.32, 0.7), at(0.44, 0.72));
  } else if (kind == "autoscaler") {
    // Instances growing with load: three bars of rising height and an arrow up.
    const qreal tops[] = {0.62, 0.46, 0.3};
    for (int i = 0; i < 3; ++i) {
      const qreal x = 0.1 + 0.22 * i;
      p.drawRect(QRectF(at(x, tops[i]), at(x + 0.16, 0.88)));
    }
    p.drawLine(at(0.84, 0.88), at(0.84, 0.12));
    p.drawLine(at(0.84, 0.12), at(0.74, 0.24));
    p.drawLine(at(0.84, 0.12), at(0.94, 0.24));
  } else if (kind == "chaos_monkey") {
    // A lightning bolt striking one of a row of instances.
    for (int i = 0; i < 3; ++i) {
      const qreal x = 0.08 + 0.3 * i;
      p.drawRect(QRectF(at(x, 0.66), at(x + 0.24, 0.9)));
    }
    QPainterPath bolt;
    bolt.moveTo(at(0.62, 0.08));
    bolt.lineTo(at(0.4, 0.38));
    bolt.lineTo(at(0.56, 0.38));
    bolt.lineTo(at(0.42, 0.62));
    p.drawPath(bolt);
  } else {
    p.drawEllipse(QRectF(at(0.2, 0.2), at(0.8, 0.8)));
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
  const QString dot = QStringLiteral(" \u00b7 ");
  if (c.kind == "client") {
    if (valueOf(c, "mode") == QStringLiteral("closed")) {
      return countText(c.params.integer("users"), QStringLiteral("user"), QStringLiteral("users")) + dot +
             valueOf(c, "think_time");
    }
    return valueOf(c, "rate") + QStringLiteral(" req/s") + dot + valueOf(c, "arrival");
  }
  if (c.kind == "load_balancer") return valueOf(c, "policy").replace(QLatin1Char('_'), QLatin1Char(' '));
  if (c.kind == "service") {
    // A replica set reads as one stacked card: "×10 · 4 workers · exp(40ms)".
    const std::int64_t replicas = c.params.integer("replicas");
    const QString set = replicas > 1 ? QStringLiteral("\u00d7%1").arg(replicas) + dot : QString();
    return set + countText(c.params.integer("workers"), QStringLiteral("worker"), QStringLiteral("workers")) + dot +
           valueOf(c, "service_time");
  }
  if (c.kind == "queue") return QStringLiteral("prefetch ") + valueOf(c, "prefetch");
  if (c.kind == "cache") {
    const QString policy = valueOf(c, "write_policy");
    const QString base =
        countText(c.params.integer("capacity"), QStringLiteral("key"), QStringLiteral("keys")) + QStringLiteral(", LRU");
    return policy == QStringLiteral("read_only") ? base : base + dot + QString(policy).replace(QLatin1Char('_'), QLatin1Char(' '));
  }
  if (c.kind == Store::kKind) {
    if (valueOf(c, "replication") == QStringLiteral("leaderless")) {
      return QStringLiteral("quorum W=") + valueOf(c, "write_quorum") + QStringLiteral(" R=") + valueOf(c, "read_quorum");
    }
    return QStringLiteral("leader/follower") + dot + valueOf(c, "ack").replace(QLatin1Char('_'), QLatin1Char('-'));
  }
  if (c.kind == "shard_router") {
    return valueOf(c, "strategy").replace(QLatin1Char('_'), QLatin1Char(' ')) + dot +
           countText(c.params.integer("keys"), QStringLiteral("key"), QStringLiteral("keys"));
  }
  if (c.kind == RaftNode::kKind) {
    return QStringLiteral("election ") + valueOf(c, "election_timeout_min") + QStringLiteral("\u2013") +
           valueOf(c, "election_timeout_max");
  }
  if (c.kind == "tpc_coordinator") return QStringLiteral("vote timeout ") + valueOf(c, "vote_timeout");
  if (c.kind == "tpc_participant") return QStringLiteral("votes no p=") + valueOf(c, "abort_probability");
  if (c.kind == "saga_orchestrator") return QStringLiteral("step timeout ") + valueOf(c, "step_timeout");
  if (c.kind == "saga_step") return QStringLiteral("fails p=") + valueOf(c, "failure_probability");
  if (c.kind == "autoscaler") {
    // "HPA · utilization 50% · 2–12"
    const QString metric = valueOf(c, "metric");
    const QString target = valueOf(c, "target");
    const QString goal = metric == QStringLiteral("utilization") ? QStringLiteral("utilization ") + target + QStringLiteral("%")
                         : metric == QStringLiteral("rps")       ? target + QStringLiteral(" req/s each")
                                                                 : QStringLiteral("queue ") + target + QStringLiteral(" each");
    const QString algorithm = valueOf(c, "algorithm");
    const QString name = algorithm == QStringLiteral("hpa")               ? QStringLiteral("HPA")
                         : algorithm == QStringLiteral("target_tracking") ? QObject::tr("Target tracking")
                                                                          : QObject::tr("Predictive");
    return name + dot + goal + dot + valueOf(c, "min_replicas") + QStringLiteral("\u2013") +
           valueOf(c, "max_replicas");
  }
  if (c.kind == "chaos_monkey") {
    // "kill · 1 per 60s · radius 1"
    return valueOf(c, "attack") + dot + QObject::tr("1 per %1").arg(valueOf(c, "mean_time_between_kills")) + dot +
           QObject::tr("radius %1").arg(valueOf(c, "blast_radius"));
  }
  return {};
}

}  // namespace pillars::kindstyle
