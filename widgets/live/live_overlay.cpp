#include "widgets/live/live_overlay.hpp"

#include "widgets/live/card_badges.hpp"

#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsObject>
#include <QPainter>
#include <QPen>
#include <algorithm>
#include <cmath>

#include "engine/run/instances.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/live/card_badges.hpp"
#include "widgets/pillars/control/control_badge.hpp"
#include "widgets/pillars/state/store_badge.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/live/message_colors.hpp"
#include "widgets/live/message_layer.hpp"
#include "widgets/pillars/kind_ui.hpp"

namespace pillars {

namespace {

/// How much of each frame's throughput reading is kept: smooths the strokes without lagging
/// more than a few frames behind a change.
constexpr double kRateSmoothing = 0.3;

/// Where the segment from a card's centre towards `towards` leaves the card (as LinkItem
/// draws its arrows, so dots ride on the drawn link).
QPointF leaveCard(QPointF centre, QPointF towards) {
  const QPointF d = towards - centre;
  if (d.isNull()) return centre;
  const qreal hw = NodeItem::kWidth / 2 + 2;
  const qreal hh = NodeItem::kHeight / 2 + 2;
  const qreal sx = d.x() != 0 ? hw / std::abs(d.x()) : 1e9;
  const qreal sy = d.y() != 0 ? hh / std::abs(d.y()) : 1e9;
  return centre + d * std::min(sx, sy);
}

QRectF cardRect() {
  return QRectF(-NodeItem::kWidth / 2, -NodeItem::kHeight / 2, NodeItem::kWidth, NodeItem::kHeight);
}

void setUpOverlayItem(QGraphicsItem* item) {
  item->setAcceptedMouseButtons(Qt::NoButton);
  item->setAcceptHoverEvents(false);
  item->setFlag(QGraphicsItem::ItemIsSelectable, false);
  item->setFlag(QGraphicsItem::ItemIsFocusable, false);
}

/// Holds every overlay item as children: one z-value puts them all above the diagram, and it
/// being a QObject lets the overlay notice when a scene clear() deleted it.
class OverlayRoot final : public QGraphicsObject {
 public:
  OverlayRoot() {
    setFlag(ItemHasNoContents);
    setUpOverlayItem(this);
    setZValue(LiveOverlay::kZ);
  }
  QRectF boundingRect() const override { return {}; }
  QPainterPath shape() const override { return {}; }
  void paint(QPainter*, const QStyleOptionGraphicsItem*, QWidget*) override {}
};

}  // namespace

// --- Per-card state ----------------------------------------------------------------------------

/// One card's live state, centred on the card: utilization bar along the bottom edge, queue
/// badge, greyed with a red cross while down, and an optional pillar badge at the top-right.
class LiveOverlay::NodeStateItem final : public QGraphicsItem {
 public:
  explicit NodeStateItem(QGraphicsItem* parent) : QGraphicsItem(parent) { setUpOverlayItem(this); }

  /// Repaints only when something visible changed (most cards are steady most frames).
  void setState(const NodeState& s, bool hasCapacity) {
    const bool same = s.down == m_state.down && s.queue == m_state.queue &&
                      s.badge == m_state.badge && hasCapacity == m_hasCapacity &&
                      std::abs(s.utilization - m_state.utilization) < 0.005 &&
                      std::abs(s.shedding - m_state.shedding) < 0.02 && std::abs(s.lag - m_state.lag) < 0.01;
    m_hasCapacity = hasCapacity;
    m_state = s;
    if (!same) update();
  }
  void setBadgeColour(QColor c) { m_badgeColour = c; }
  const NodeState& state() const { return m_state; }

  QRectF boundingRect() const override { return cardRect().adjusted(-12, -12, 12, 12); }
  QPainterPath shape() const override { return {}; }

  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override {
    const QRectF card = cardRect();
    p->setRenderHint(QPainter::Antialiasing, true);
    if (m_state.shedding > 0) {
      // Requests turned away: an orange ring just outside the card, the Control pillar's colour
      // for a protective mechanism at work.
      QColor orange = controlbadge::colour();
      orange.setAlphaF(static_cast<float>(0.25 + 0.75 * m_state.shedding));
      p->setPen(QPen(orange, 1.5 + 2.5 * m_state.shedding));
      p->setBrush(Qt::NoBrush);
      p->drawRoundedRect(card.adjusted(-4, -4, 4, 4), 9, 9);
    }
    if (m_state.down) {
      p->setPen(Qt::NoPen);
      p->setBrush(QColor(128, 128, 128, 150));
      p->drawRoundedRect(card, 6, 6);
      QPen cross(QColor(0xe0, 0x20, 0x20), 4.0);
      cross.setCapStyle(Qt::RoundCap);
      p->setPen(cross);
      const QRectF x = QRectF(0, 0, card.height() - 16, card.height() - 16);
      QRectF box = x;
      box.moveCenter(card.center());
      p->drawLine(box.topLeft(), box.bottomRight());
      p->drawLine(box.topRight(), box.bottomLeft());
    }
    if (m_hasCapacity) {
      // Track and fill along the bottom edge; the fill turns amber then red as it saturates.
      const QRectF track(card.left() + 6, card.bottom() - 6, card.width() - 12, 3);
      p->setPen(Qt::NoPen);
      p->setBrush(QColor(127, 127, 127, 70));
      p->drawRect(track);
      const double u = std::clamp(m_state.utilization, 0.0, 1.0);
      const QColor fill = u < 0.7   ? QColor(0x1e, 0x9e, 0x4a)
                          : u < 0.9 ? QColor(0xf0, 0x8a, 0x24)
                                    : QColor(0xe0, 0x30, 0x3a);
      p->setBrush(fill);
      p->drawRect(QRectF(track.topLeft(), QSizeF(track.width() * u, track.height())));
    }
    if (m_state.lag >= 0) {
      // A follower's lag along the top edge, in the Replication colour its catch-up travels in.
      const QRectF track(card.left() + 6, card.top() + 3, card.width() * 0.45, 3);
      p->setPen(Qt::NoPen);
      p->setBrush(QColor(127, 127, 127, 70));
      p->drawRect(track);
      p->setBrush(messageColour(MessageCategory::Replication));
      p->drawRect(QRectF(track.topLeft(), QSizeF(track.width() * m_state.lag, track.height())));
    }
    QFont f = p->font();
    f.setPointSizeF(7.5);
    f.setBold(true);
    p->setFont(f);
    if (m_state.queue > 0) {
      drawBadge(p, QStringLiteral("q %1").arg(m_state.queue), QColor(0x44, 0x4c, 0x56),
                QPointF(card.right(), card.bottom()), false);
    }
    if (!m_state.badge.isEmpty()) {
      drawBadge(p, m_state.badge, m_badgeColour, QPointF(card.right(), card.top()), true);
    }
  }

 private:
  /// A pill whose right edge sits at `corner.x()`, centred on the card's top or bottom edge.
  static void drawBadge(QPainter* p, const QString& text, const QColor& colour, QPointF corner,
                        bool top) {
    const QFontMetricsF fm(p->font());
    const qreal w = fm.horizontalAdvance(text) + 10;
    const qreal h = fm.height() + 2;
    const QRectF r(corner.x() - w + 4, corner.y() - h / 2 + (top ? 0 : -1), w, h);
    p->setPen(Qt::NoPen);
    p->setBrush(colour);
    p->drawRoundedRect(r, h / 2, h / 2);
    p->setPen(colour.lightnessF() > 0.6 ? Qt::black : Qt::white);
    p->drawText(r, Qt::AlignCenter, text);
  }

  NodeState m_state;
  bool m_hasCapacity = false;
  QColor m_badgeColour = QColor(0x9b, 0x59, 0xd0);
};

// --- Cut links ---------------------------------------------------------------------------------

/// Links in one state drawn over the links, one item for all of them: cut links dashed red,
/// links a balancer keeps traffic off (an ejected backend) dotted grey.
class LiveOverlay::CutLinksItem final : public QGraphicsItem {
 public:
  /// `pens` are drawn in turn over each link (an underlay first hides the link's own line).
  CutLinksItem(QGraphicsItem* parent, std::vector<QPen> pens) : QGraphicsItem(parent), m_pens(std::move(pens)) {
    setUpOverlayItem(this);
  }

  void setCuts(std::vector<QLineF> lines, std::vector<LinkId> ids) {
    if (ids == m_ids && lines == m_lines) return;
    prepareGeometryChange();
    m_lines = std::move(lines);
    m_ids = std::move(ids);
    QRectF b;
    for (const QLineF& l : m_lines) b |= QRectF(l.p1(), l.p2()).normalized();
    m_bounds = b.adjusted(-6, -6, 6, 6);
  }
  bool hasLink(LinkId id) const { return std::find(m_ids.begin(), m_ids.end(), id) != m_ids.end(); }

  QRectF boundingRect() const override { return m_lines.empty() ? QRectF() : m_bounds; }
  QPainterPath shape() const override { return {}; }
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override {
    if (m_lines.empty()) return;
    p->setRenderHint(QPainter::Antialiasing, true);
    for (const QPen& pen : m_pens) {
      p->setPen(pen);
      p->drawLines(m_lines.data(), static_cast<int>(m_lines.size()));
    }
  }

 private:
  std::vector<QPen> m_pens;
  std::vector<QLineF> m_lines;
  std::vector<LinkId> m_ids;
  QRectF m_bounds;
};

// --- Sampling banner ---------------------------------------------------------------------------

/// "Showing 1 in k of N messages in flight", above the diagram's top-left corner, at a fixed
/// screen size whatever the zoom so it stays readable.
class LiveOverlay::BannerItem final : public QGraphicsItem {
 public:
  explicit BannerItem(QGraphicsItem* parent) : QGraphicsItem(parent) {
    setUpOverlayItem(this);
    setFlag(ItemIgnoresTransformations);
  }
  void setText(const QString& text) {
    if (text == m_text) return;
    prepareGeometryChange();
    m_text = text;
    QFont f;
    f.setBold(true);
    m_font = f;
    const QFontMetricsF fm(f);
    m_rect = QRectF(0, 0, fm.horizontalAdvance(m_text) + 16, fm.height() + 8);
  }
  const QString& text() const { return m_text; }
  QRectF boundingRect() const override { return m_rect; }
  QPainterPath shape() const override { return {}; }
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override {
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setPen(QPen(QColor(0xf0, 0x8a, 0x24), 1.5));
    p->setBrush(QColor(40, 40, 40, 215));
    p->drawRoundedRect(m_rect.adjusted(0.75, 0.75, -0.75, -0.75), 5, 5);
    p->setPen(Qt::white);
    p->setFont(m_font);
    p->drawText(m_rect, Qt::AlignCenter, m_text);
  }

 private:
  QString m_text;
  QFont m_font;
  QRectF m_rect;
};

// --- LiveOverlay -------------------------------------------------------------------------------

LiveOverlay::LiveOverlay(TopologyScene& scene, LiveRun& live, QObject* parent)
    : QObject(parent), m_scene(&scene), m_live(live) {
  connect(&m_live, &LiveRun::advanced, this, &LiveOverlay::refresh);
  // A mode change or a new run needs a refresh; a plain pause right after a frame does not
  // (advanced() already drew that frame).
  connect(&m_live, &LiveRun::stateChanged, this, [this] {
    if (!m_live.isLoaded() || m_live.asFastAsPossible() || m_live.runner() != m_mappedRunner ||
        !m_root) {
      refresh();
    }
  });
  // An edit rebuilds the canvas and takes the overlay's items with it. Paused, no advanced()
  // would come to draw them again (a fault injected while paused left the crashed card looking
  // healthy until the next step), so the overlay redraws at once.
  connect(&scene, &TopologyScene::rebuilt, this, &LiveOverlay::refresh);
  // Rings fade in wall time, also while the run is paused and sends no advanced().
  m_wall.start();
  m_flashTimer.setInterval(33);
  connect(&m_flashTimer, &QTimer::timeout, this, &LiveOverlay::onFlashTick);
  refresh();
}

LiveOverlay::~LiveOverlay() {
  delete m_root.data();
}

QWidget* LiveOverlay::createLegend(QWidget* parent) {
  return createMessageLegend(parent);
}

void LiveOverlay::setAnimationEnabled(bool on) {
  if (m_animate == on) return;
  m_animate = on;
  refresh();
}

void LiveOverlay::setMessageCap(int cap) {
  m_cap = std::max(1, cap);
  refresh();
}

void LiveOverlay::invalidateGeometry() {
  m_mapped = false;
}

void LiveOverlay::clear() {
  // The items live only as long as the root: an edit rebuilds the scene and deletes them, and
  // with no run loaded nothing makes them again (ensureItems) before the next clear.
  if (m_root && m_layer) m_layer->clearMessages();
  if (m_root && m_banner) m_banner->setVisible(false);
  std::fill(m_rates.begin(), m_rates.end(), 0.0);
  for (NodeEntry& n : m_nodes) n.utilization = 0;
  m_flashTimer.stop();
}

bool LiveOverlay::ensureItems() {
  if (m_root) return false;
  // First use, or the scene's clear() deleted the root and its children: start over.
  m_layer = nullptr;
  m_cuts = nullptr;
  m_avoided = nullptr;
  m_banner = nullptr;
  // The items died with the root; the readings stay for rebuildMapping to carry over.
  for (NodeEntry& n : m_nodes) {
    n.card = nullptr;
    n.state = nullptr;
    n.adornment = nullptr;
  }
  for (SetEntry& set : m_sets) {
    set.card = nullptr;
    set.state = nullptr;
    set.strip = nullptr;
  }
  m_mapped = false;
  auto* root = new OverlayRoot;
  m_scene->addItem(root);
  m_root = root;
  QPen cut(QColor(0xe0, 0x20, 0x20), 3.0, Qt::DashLine);
  cut.setCapStyle(Qt::FlatCap);
  m_cuts = new CutLinksItem(root, {cut});
  // Out of rotation: the link faded to a pale band with a grey dash along it.
  QPen band(QColor(0xf4, 0xf4, 0xf4), 6.0);
  band.setCapStyle(Qt::FlatCap);
  QPen dash(QColor(0x9a, 0x9a, 0x9a), 2.0, Qt::DashLine);
  dash.setCapStyle(Qt::FlatCap);
  m_avoided = new CutLinksItem(root, {band, dash});
  m_layer = new MessageLayer(root);
  m_banner = new BannerItem(root);
  m_banner->setVisible(false);
  return true;
}

void LiveOverlay::rebuildMapping() {
  // What was measured per component survives new cards; a new run starts over (clear()).
  std::map<std::string, NodeEntry> readings;
  for (NodeEntry& n : m_nodes) {
    if (!n.id.empty()) {
      // The measurements only: cards, badges and set membership are mapped afresh.
      NodeEntry kept;
      kept.id = n.id;
      kept.lastBusyIntegral = n.lastBusyIntegral;
      kept.lastBusyStart = n.lastBusyStart;
      kept.utilization = n.utilization;
      kept.shed = n.shed;
      readings[n.id] = kept;
    }
    delete n.state;
    delete n.adornment;
  }
  for (SetEntry& set : m_sets) {
    delete set.state;
    delete set.strip;
  }
  m_sets.clear();
  m_nodes.clear();
  m_links.clear();
  m_componentIndex.clear();
  const Scenario& s = m_live.scenario();
  // The engine numbers components and links in declaration order; LiveRun says so per id.
  // One entry per engine component: a replica set's instances take ids of their own, so the
  // ids of the components after it run past the scenario's count.
  m_nodes.resize(m_live.runner() ? m_live.runner()->simulation().componentCount() : s.components.size());
  for (const ComponentSpec& c : s.components) {
    const ComponentId cid = m_live.componentId(c.id);
    if (cid == kNoComponent || cid >= m_nodes.size()) continue;
    NodeEntry& n = m_nodes[cid];
    if (const auto kept = readings.find(c.id); kept != readings.end()) n = kept->second;
    n.id = c.id;
    n.card = m_scene->nodeFor(c.id);
    m_componentIndex[c.id] = cid;
    if (n.card) {
      n.state = new NodeStateItem(m_root.data());
      const auto badge = m_badges.find(c.id);
      if (badge != m_badges.end()) n.state->setBadgeColour(badge->second.second);
      if (const KindUi* ui = kindUi(c.kind); ui && ui->makeAdornment) n.adornment = ui->makeAdornment(m_root.data());
      if (m_live.runner()) {
        const Component& engineComponent = m_live.runner()->simulation().component(cid);
        n.badges = applicableBadges(engineComponent);
        n.store = storebadge::applies(engineComponent);
      }
    }
  }
  mapReplicaSets();
  // Every engine link, an instance's included: its messages fly between the cards of its ends.
  m_links.clear();
  if (const ScenarioRunner* runner = m_live.runner()) {
    const Network& net = runner->simulation().network();
    m_links.resize(net.linkCount());
    for (std::size_t i = 0; i < net.linkCount(); ++i) {
      const Link& l = net.link(static_cast<LinkId>(i));
      if (!l.removed) m_links[i] = {std::string(scenarioIdOf(l.name)), l.from, l.to};
    }
    m_mappedComponents = runner->simulation().componentCount();
    m_mappedLinks = net.linkCount();
  }
  m_rates.assign(m_links.size(), 0.0);
  m_mapped = true;
  m_mappedRunner = m_live.runner();
  // Force the geometry pass.
  for (NodeEntry& n : m_nodes) n.lastPos = QPointF(qQNaN(), qQNaN());
}

void LiveOverlay::mapReplicaSets() {
  if (!m_live.runner()) return;
  const Simulation& sim = m_live.runner()->simulation();
  std::map<std::string, int, std::less<>> setOf;
  for (const ComponentSpec& c : m_live.scenario().components) {
    NodeItem* card = m_scene->nodeFor(c.id);
    // A replica set has no engine component of its own name, only instances.
    if (!card || m_live.componentId(c.id) != kNoComponent) continue;
    SetEntry& set = m_sets.emplace_back();
    set.id = c.id;
    set.card = card;
    set.state = new NodeStateItem(m_root.data());
    set.state->setBadgeColour(controlbadge::colour());
    if (c.params.indexOf("replicas")) set.designed = c.params.integer("replicas");
    if (m_expanded.count(c.id)) set.strip = new InstanceStrip(m_root.data());
    setOf[c.id] = static_cast<int>(m_sets.size() - 1);
  }
  if (m_sets.empty()) return;
  m_nodes.resize(std::max(m_nodes.size(), sim.componentCount()));
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    const Component& c = sim.component(static_cast<ComponentId>(i));
    const auto set = setOf.find(scenarioIdOf(c.name()));
    if (set == setOf.end() || c.isRemoved()) continue;
    NodeEntry& n = m_nodes[i];
    n.id = c.name();
    n.card = m_sets[static_cast<std::size_t>(set->second)].card;
    n.set = set->second;
  }
}

void LiveOverlay::updateGeometryIfMoved() {
  // A handful of pos() reads per frame; the segments are recomputed only when a card moved.
  bool moved = false;
  for (NodeEntry& n : m_nodes) {
    if (n.card && n.card->pos() != n.lastPos) moved = true;
  }
  if (!moved) return;
  QRectF bounds;
  for (NodeEntry& n : m_nodes) {
    if (!n.card) continue;
    n.lastPos = n.card->pos();
    if (n.state) n.state->setPos(n.lastPos);
    if (n.adornment) n.adornment->setPos(n.lastPos);
    bounds |= cardRect().translated(n.lastPos);
  }
  for (SetEntry& set : m_sets) {
    if (set.card && set.state) set.state->setPos(set.card->pos());
    if (set.card && set.strip) set.strip->setPos(set.card->pos());
  }
  std::vector<MessageLayer::Segment> segments(m_links.size());
  for (std::size_t i = 0; i < m_links.size(); ++i) {
    const LinkEntry& l = m_links[i];
    if (l.from >= m_nodes.size() || l.to >= m_nodes.size()) continue;
    const NodeItem* a = m_nodes[l.from].card;
    const NodeItem* b = m_nodes[l.to].card;
    if (!a || !b) continue;
    segments[i] = {QLineF(leaveCard(a->pos(), b->pos()), leaveCard(b->pos(), a->pos())), l.from,
                   l.to, true};
  }
  m_layer->setSegments(std::move(segments), bounds);
  m_banner->setPos(bounds.topLeft() + QPointF(0, -40));
}

void LiveOverlay::refresh() {
  const ScenarioRunner* runner = m_live.runner();
  if (!runner || !m_scene) {
    if (m_root) m_root->setVisible(false);
    clear();
    return;
  }
  ensureItems();
  m_root->setVisible(true);
  const SimTime now = m_live.now();
  if (runner != m_mappedRunner) {
    rebuildMapping();
    clear();
    m_lastNow = now;
  } else if (!m_mapped || runner->simulation().componentCount() != m_mappedComponents ||
             runner->simulation().network().linkCount() != m_mappedLinks) {
    // New cards for the same run, or instances started or added links: readings carry over.
    rebuildMapping();
  } else if (now < m_lastNow) {
    clear();  // reset: back to 0 under the same runner object
    m_lastNow = now;
  }
  updateGeometryIfMoved();
  updateMessages();
  updateNodes();
  updateSets();
  updateCuts();
  m_lastNow = now;
}

void LiveOverlay::updateMessages() {
  FlightRecorder& rec = m_live.recorder();
  // Drained every frame even when not drawn, so counts never pile up into one burst later.
  const std::span<const FlightRecorder::Death> deaths = rec.takeDeaths();
  const std::span<const std::uint32_t> traffic = rec.takeLinkTraffic();
  const SimTime now = m_live.now();
  const double dt = simTimeToSeconds(now - m_lastNow);
  if (dt > 0) {
    for (std::size_t i = 0; i < m_rates.size(); ++i) {
      const double inst = i < traffic.size() ? traffic[i] / dt : 0.0;
      m_rates[i] += kRateSmoothing * (inst - m_rates[i]);
    }
  }
  if (!m_animate || m_live.asFastAsPossible()) {
    m_layer->clearMessages();
    m_banner->setVisible(false);
    return;
  }
  m_layer->addDeaths(deaths);
  m_layer->setLinkRates(m_rates);
  m_layer->setFlights(rec.flights(), now, m_cap);
  if (m_layer->sampleStep() > 1) {
    m_banner->setText(QStringLiteral("Showing 1 in %1 of %2 messages in flight")
                          .arg(m_layer->sampleStep())
                          .arg(m_layer->flyingMessages()));
    m_banner->setVisible(true);
  } else {
    m_banner->setVisible(false);
  }
  if (!deaths.empty() && !m_flashTimer.isActive()) m_flashTimer.start();
}

void LiveOverlay::onFlashTick() {
  if (!m_layer || !m_root) {
    m_flashTimer.stop();
    return;
  }
  m_layer->update();
  if (!m_layer->hasFlashes()) m_flashTimer.stop();
}

void LiveOverlay::updateNodes() {
  Simulation& sim = m_live.runner()->simulation();
  const SimTime now = m_live.now();
  const SimTime dt = now - m_lastNow;
  for (std::size_t i = 0; i < m_nodes.size() && i < sim.componentCount(); ++i) {
    NodeEntry& n = m_nodes[i];
    if (!n.state) continue;
    const Component& c = sim.component(static_cast<ComponentId>(i));
    const ComponentMetrics& m = c.metrics();
    // Utilization over the last frame: the busy-workers integral only grows, so its change
    // divided by (frame length x workers) is the mean over the frame. A warm-up reset restarts
    // the integral; that frame keeps the previous reading. Paused (dt = 0): unchanged.
    const double integral = m.busy.integral(now);
    if (m.busy.startTime() == n.lastBusyStart && dt > 0 && m.capacity > 0) {
      n.utilization = (integral - n.lastBusyIntegral) / (simTimeToSeconds(dt) * m.capacity);
    }
    n.lastBusyIntegral = integral;
    n.lastBusyStart = m.busy.startTime();
    NodeState s;
    s.shown = true;
    s.down = !c.isUp();
    s.utilization = std::clamp(n.utilization, 0.0, 1.0);
    s.queue = static_cast<int>(std::lround(m.queueLength.level()));
    const double pulse = n.shed.update(m.dropped, m_wall.elapsed());
    s.shedding = s.down ? 0.0 : pulse;  // a crash loses what it held: the cross says so
    if (n.store) s.lag = storebadge::lagFill(c);
    const auto badge = m_badges.find(n.id);
    if (badge != m_badges.end()) {
      s.badge = badge->second.first;
    } else if (n.badges != 0) {
      // A badge set by the app (a pillar view) wins; otherwise the most urgent live one shows.
      auto [text, colour] = badgeFor(c, n.badges);
      s.badge = std::move(text);
      if (!s.badge.isEmpty()) n.state->setBadgeColour(colour);
    }
    n.state->setState(s, m.capacity > 0);
    if (n.adornment) n.adornment->follow(c, sim, now);
  }
}

void LiveOverlay::updateSets() {
  if (m_sets.empty()) return;
  const Simulation& sim = m_live.runner()->simulation();
  for (SetEntry& set : m_sets) {
    set.tally = {};
    set.chips.clear();
  }
  const SimTime now = m_live.now();
  for (std::size_t i = 0; i < m_nodes.size() && i < sim.componentCount(); ++i) {
    const NodeEntry& n = m_nodes[i];
    const Component& c = sim.component(static_cast<ComponentId>(i));
    if (n.set < 0 || c.isRemoved()) continue;
    SetEntry& set = m_sets[static_cast<std::size_t>(n.set)];
    set.tally.add(c);
    if (set.strip) set.chips.push_back(chipOf(c, now));
  }
  for (SetEntry& set : m_sets) {
    if (!set.state) continue;
    NodeState s;
    s.shown = true;
    s.down = set.tally.instances > 0 && set.tally.up == 0;
    s.utilization = std::clamp(set.tally.utilization(), 0.0, 1.0);
    s.queue = static_cast<int>(std::lround(set.tally.queue));
    s.badge = set.tally.badge(set.designed);
    if (set.strip) set.strip->setChips(set.chips);  // placed by the geometry pass, as the state is
    const double pulse = set.shed.update(set.tally.turnedAway, m_wall.elapsed());
    s.shedding = s.down ? 0.0 : pulse;
    set.state->setState(s, set.tally.capacity > 0);
  }
}

void LiveOverlay::updateCuts() {
  std::vector<QLineF> lines;
  std::vector<LinkId> ids;
  const auto& segments = m_layer->segments();
  for (std::size_t i = 0; i < m_links.size(); ++i) {
    if (m_links[i].id.empty() || !m_live.isCut(m_links[i].id)) continue;
    if (i >= segments.size() || !segments[i].valid) continue;
    lines.push_back(segments[i].line);
    ids.push_back(static_cast<LinkId>(i));
  }
  m_cuts->setCuts(std::move(lines), std::move(ids));
  // Links their caller keeps traffic off. Not a replica set's: its instances share one drawn
  // line, and the balancer's badge already counts the ejected ones.
  const Simulation& sim = m_live.runner()->simulation();
  std::vector<QLineF> avoidedLines;
  std::vector<LinkId> avoidedIds;
  for (std::size_t i = 0; i < m_links.size() && i < segments.size(); ++i) {
    const LinkEntry& l = m_links[i];
    if (l.id.empty() || !segments[i].valid || l.from >= m_nodes.size() || l.to >= m_nodes.size()) continue;
    if (m_nodes[l.to].set >= 0 || m_nodes[l.from].set >= 0) continue;
    if (!sim.component(l.from).avoids(static_cast<LinkId>(i))) continue;
    avoidedLines.push_back(segments[i].line);
    avoidedIds.push_back(static_cast<LinkId>(i));
  }
  m_avoided->setCuts(std::move(avoidedLines), std::move(avoidedIds));
}

void LiveOverlay::setBadge(const std::string& componentId, const QString& text, QColor colour) {
  if (text.isEmpty()) {
    m_badges.erase(componentId);
  } else {
    m_badges[componentId] = {text, colour};
  }
  const auto it = m_componentIndex.find(componentId);
  if (!m_root || it == m_componentIndex.end()) return;
  NodeEntry& n = m_nodes[it->second];
  if (!n.state) return;
  n.state->setBadgeColour(colour);
  NodeState s = n.state->state();
  s.badge = text;
  n.state->setState(s,
                    m_live.runner() &&
                        m_live.runner()->simulation().component(it->second).metrics().capacity > 0);
  n.state->update();
}

void LiveOverlay::setInstancesShown(const std::string& setId, bool shown) {
  if (shown) {
    m_expanded.insert(setId);
  } else {
    m_expanded.erase(setId);
  }
  for (SetEntry& set : m_sets) {
    if (set.id != setId || !m_root) continue;
    if (shown && !set.strip) {
      set.strip = new InstanceStrip(m_root.data());
      if (set.card) set.strip->setPos(set.card->pos());
    } else if (!shown && set.strip) {
      delete set.strip;
      set.strip = nullptr;
    }
  }
  if (m_live.runner()) updateSets();
}

bool LiveOverlay::isReplicaSet(const std::string& componentId) const {
  return std::any_of(m_sets.begin(), m_sets.end(), [&](const SetEntry& s) { return s.id == componentId; });
}

std::vector<InstanceChip> LiveOverlay::instanceChips(const std::string& setId) const {
  for (const SetEntry& set : m_sets) {
    if (set.id == setId && set.strip) return set.strip->chips();
  }
  return {};
}

// --- Queries -------------------------------------------------------------------------------------

int LiveOverlay::drawnMessages() const {
  return m_root && m_layer ? m_layer->drawnMessages() : 0;
}
int LiveOverlay::flyingMessages() const {
  return m_root && m_layer ? m_layer->flyingMessages() : 0;
}
int LiveOverlay::sampleStep() const {
  return m_root && m_layer ? m_layer->sampleStep() : 1;
}

std::optional<QPointF> LiveOverlay::messagePosition(const FlightRecorder::Flight& flight) const {
  if (!m_root || !m_layer) return std::nullopt;
  return m_layer->positionOf(flight, m_live.now());
}

std::optional<QLineF> LiveOverlay::linkSegment(const std::string& linkId) const {
  if (!m_root || !m_layer) return std::nullopt;
  const LinkId l = m_live.linkId(linkId);
  const auto& segments = m_layer->segments();
  if (l >= segments.size() || !segments[l].valid) return std::nullopt;
  return segments[l].line;
}

LiveOverlay::NodeState LiveOverlay::nodeState(const std::string& componentId) const {
  for (const SetEntry& set : m_sets) {
    if (set.id == componentId) return m_root && set.state ? set.state->state() : NodeState{};
  }
  const auto it = m_componentIndex.find(componentId);
  if (!m_root || it == m_componentIndex.end() || !m_nodes[it->second].state) return {};
  return m_nodes[it->second].state->state();
}

bool LiveOverlay::avoidedShown(const std::string& linkId) const {
  if (!m_root || !m_avoided || !m_root->isVisible()) return false;
  const LinkId l = m_live.linkId(linkId);
  return l != kNoLink && m_avoided->hasLink(l);
}

bool LiveOverlay::cutShown(const std::string& linkId) const {
  if (!m_root || !m_cuts || !m_root->isVisible()) return false;
  const LinkId l = m_live.linkId(linkId);
  return l != kNoLink && m_cuts->hasLink(l);
}

const CardAdornment* LiveOverlay::adornment(const std::string& componentId) const {
  const auto it = m_componentIndex.find(componentId);
  return !m_root || it == m_componentIndex.end() ? nullptr : m_nodes[it->second].adornment;
}

bool LiveOverlay::bannerVisible() const {
  return m_root && m_banner && m_banner->isVisible();
}
QString LiveOverlay::bannerText() const {
  return bannerVisible() ? m_banner->text() : QString();
}

}  // namespace pillars
