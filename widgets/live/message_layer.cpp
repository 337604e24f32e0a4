#include "widgets/live/message_layer.hpp"

#include <QPainter>
#include <QPen>
#include <algorithm>
#include <cmath>

#include "widgets/live/message_colors.hpp"

namespace pillars {

namespace {

/// At most this many rings at once: a storm of drops must not cost more than the dots do.
constexpr std::size_t kMaxFlashes = 400;

/// A stable per-message number, so the sampled set does not change from frame to frame as
/// other messages leave the recorder's list (index-based "every k-th" would flicker).
std::uint64_t messageHash(const FlightRecorder::Flight& f) {
  std::uint64_t h = static_cast<std::uint64_t>(f.sent) * 0x9E3779B97F4A7C15ull;
  h ^= (static_cast<std::uint64_t>(f.link) << 32) ^ (static_cast<std::uint64_t>(f.src) << 16) ^
       static_cast<std::uint64_t>(f.dst) ^ (static_cast<std::uint64_t>(f.kind) << 48);
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 29;
  return h;
}

}  // namespace

MessageLayer::MessageLayer(QGraphicsItem* parent) : QGraphicsItem(parent) {
  setAcceptedMouseButtons(Qt::NoButton);
  setAcceptHoverEvents(false);
  m_wall.start();
}

void MessageLayer::setSegments(std::vector<Segment> segments, const QRectF& bounds) {
  prepareGeometryChange();
  m_segments = std::move(segments);
  // Room for the traffic strokes and rings that overhang the cards.
  m_bounds = bounds.adjusted(-20, -20, 20, 20);
  update();
}

std::optional<QPointF> MessageLayer::positionOf(const FlightRecorder::Flight& f,
                                                SimTime now) const {
  if (f.link >= m_segments.size()) return std::nullopt;
  const Segment& s = m_segments[f.link];
  if (!s.valid) return std::nullopt;
  const SimTime span = f.arrives - f.sent;
  double t = span > 0 ? static_cast<double>(now - f.sent) / static_cast<double>(span) : 1.0;
  t = std::clamp(t, 0.0, 1.0);
  // Replies travel the link backwards: from its callee to its caller.
  const bool forward = f.src == s.from || f.dst != s.from;
  const QPointF a = forward ? s.line.p1() : s.line.p2();
  const QPointF b = forward ? s.line.p2() : s.line.p1();
  return a + (b - a) * t;
}

void MessageLayer::setFlights(std::span<const FlightRecorder::Flight> flights, SimTime now,
                              int cap) {
  for (auto& v : m_dots) v.clear();
  m_flying = static_cast<int>(flights.size());
  const int limit = std::max(1, cap);
  m_step = m_flying > limit ? (m_flying + limit - 1) / limit : 1;
  const auto step = static_cast<std::uint64_t>(m_step);
  int drawn = 0;
  for (const FlightRecorder::Flight& f : flights) {
    if (step > 1 && messageHash(f) % step != 0) continue;
    const std::optional<QPointF> p = positionOf(f, now);
    if (!p) continue;
    const auto c = static_cast<std::size_t>(categoryOf(f.kind));
    const bool vote = f.kind == MessageKind::RequestVote || f.kind == MessageKind::RequestVoteReply;
    m_dots[vote ? kVotes : std::min(c, kCategories - 1)].push_back(*p);
    ++drawn;
  }
  m_drawn = drawn;
  update();
}

void MessageLayer::setLinkRates(std::span<const double> rates) {
  m_rates.assign(rates.begin(), rates.end());
}

void MessageLayer::addDeaths(std::span<const FlightRecorder::Death> deaths) {
  const qint64 t = m_wall.elapsed();
  for (const FlightRecorder::Death& d : deaths) {
    if (d.link >= m_segments.size() || !m_segments[d.link].valid) continue;
    const Segment& s = m_segments[d.link];
    // At the end of the link by the component where it died (receiver or would-be sender).
    const QPointF at = d.where == s.from ? s.line.p1() : s.line.p2();
    m_flashes.push_back({at, t});
  }
  if (m_flashes.size() > kMaxFlashes) {
    m_flashes.erase(m_flashes.begin(), m_flashes.begin() + static_cast<std::ptrdiff_t>(
                                                               m_flashes.size() - kMaxFlashes));
  }
  if (!deaths.empty()) update();
}

void MessageLayer::expireFlashes() {
  const qint64 t = m_wall.elapsed();
  std::erase_if(m_flashes, [t](const Flash& f) { return t - f.startMs >= kFlashMs; });
}

bool MessageLayer::hasFlashes() {
  expireFlashes();
  return !m_flashes.empty();
}

void MessageLayer::clearMessages() {
  for (auto& v : m_dots) v.clear();
  m_flashes.clear();
  m_rates.clear();
  m_drawn = m_flying = 0;
  m_step = 1;
  update();
}

void MessageLayer::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing, true);
  // Traffic volume: only when sampling, where single dots no longer tell how busy a link is.
  if (m_step > 1) {
    QPen stroke(QColor(0x1f, 0x77, 0xd4, 60));
    stroke.setCapStyle(Qt::RoundCap);
    const std::size_t n = std::min(m_rates.size(), m_segments.size());
    for (std::size_t i = 0; i < n; ++i) {
      const double r = m_rates[i];
      if (r <= 0 || !m_segments[i].valid) continue;
      // Logarithmic: 10 msg/s and 10,000 msg/s must both read, neither swamp the canvas.
      const double level = std::log10(1.0 + r);  // ~0..5
      stroke.setWidthF(std::clamp(2.0 + 3.0 * level, 2.0, 18.0));
      stroke.setColor(
          QColor::fromHsvF(0.58f - static_cast<float>(std::min(level, 5.0) * 0.1), 0.8f, 0.9f,
                           static_cast<float>(std::clamp(0.15 + 0.07 * level, 0.15, 0.5))));
      p->setPen(stroke);
      p->drawLine(m_segments[i].line);
    }
  }
  // Dots: one drawPoints per category with a round pen, no per-dot allocation or state change.
  QPen dotPen;
  dotPen.setWidthF(kDotDiameter);
  dotPen.setCapStyle(Qt::RoundCap);
  for (std::size_t c = 0; c < kCategories; ++c) {
    const std::vector<QPointF>& dots = m_dots[c];
    if (dots.empty()) continue;
    dotPen.setColor(messageColour(static_cast<MessageCategory>(c)));
    p->setPen(dotPen);
    p->drawPoints(dots.data(), static_cast<int>(dots.size()));
  }
  if (const std::vector<QPointF>& votes = m_dots[kVotes]; !votes.empty()) {
    dotPen.setWidthF(kVoteDiameter + 3);
    dotPen.setColor(Qt::white);
    p->setPen(dotPen);
    p->drawPoints(votes.data(), static_cast<int>(votes.size()));
    dotPen.setWidthF(kVoteDiameter);
    dotPen.setColor(messageColour(MessageCategory::Consensus));
    p->setPen(dotPen);
    p->drawPoints(votes.data(), static_cast<int>(votes.size()));
  }
  // Deaths: a red ring growing and fading over kFlashMs of wall time.
  expireFlashes();
  if (!m_flashes.empty()) {
    const qint64 t = m_wall.elapsed();
    QColor red = droppedMessageColour();
    p->setBrush(Qt::NoBrush);
    for (const Flash& f : m_flashes) {
      const double age = static_cast<double>(t - f.startMs) / static_cast<double>(kFlashMs);
      red.setAlphaF(static_cast<float>(std::clamp(1.0 - age, 0.0, 1.0)));
      p->setPen(QPen(red, 2.0));
      const qreal radius = 5.0 + 9.0 * age;
      p->drawEllipse(f.at, radius, radius);
    }
  }
}

}  // namespace pillars
