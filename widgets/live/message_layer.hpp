#pragma once

#include <QElapsedTimer>
#include <QGraphicsItem>
#include <QLineF>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "engine/run/flight_recorder.hpp"
#include "engine/sim/ids.hpp"
#include "engine/sim/message.hpp"

namespace pillars {

/// Every message on the wire as one item: a dot per message sliding from the sender's card
/// edge to the receiver's, coloured by category; red rings where messages died; and, when
/// too many fly to draw each one, a sample of them over a translucent stroke per link whose
/// width follows the link's throughput. One item and one paint() for all of it, so thousands
/// of dots cost one scene item, and the buffers are reused frame to frame.
class MessageLayer final : public QGraphicsItem {
 public:
  /// A link as drawn: card edge of `from` to card edge of `to` (engine ids of the ends).
  struct Segment {
    QLineF line;
    ComponentId from = kNoComponent;
    ComponentId to = kNoComponent;
    bool valid = false;
  };

  explicit MessageLayer(QGraphicsItem* parent = nullptr);

  /// Link geometry indexed by LinkId; `bounds` covers every card. Call when cards move or the
  /// scenario changes, not per frame.
  void setSegments(std::vector<Segment> segments, const QRectF& bounds);
  const std::vector<Segment>& segments() const { return m_segments; }

  /// Recomputes the dots for `now`. Above `cap` flights, draws a stable 1-in-k sample (k as
  /// small as keeps the count near the cap) and the link traffic strokes.
  void setFlights(std::span<const FlightRecorder::Flight> flights, SimTime now, int cap);
  /// Messages per simulated second on each link, indexed by LinkId (drawn only when sampling).
  void setLinkRates(std::span<const double> rates);
  /// Adds a fading ring for each death.
  void addDeaths(std::span<const FlightRecorder::Death> deaths);
  /// Forgets dots, rings and traffic.
  void clearMessages();
  /// Whether rings are still fading (the owner keeps repainting while they are).
  bool hasFlashes();

  /// Where `f` is drawn at `now`, or nothing if its link has no geometry.
  std::optional<QPointF> positionOf(const FlightRecorder::Flight& f, SimTime now) const;

  int drawnMessages() const { return m_drawn; }
  int flyingMessages() const { return m_flying; }
  /// 1 when every message is drawn, else k of "1 in k".
  int sampleStep() const { return m_step; }

  QRectF boundingRect() const override { return m_bounds; }
  /// Empty: the layer never takes part in hit tests, so clicks reach the cards below.
  QPainterPath shape() const override { return {}; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  static constexpr qreal kDotDiameter = 7.0;
  /// Votes (RequestVote and its reply) are drawn larger, with a white rim, in the consensus
  /// colour: an election is the rare event to spot among the steady AppendEntries.
  static constexpr qreal kVoteDiameter = 11.0;
  /// Votes drawn now (part of drawnMessages()).
  int drawnVotes() const { return static_cast<int>(m_dots[kVotes].size()); }
  static constexpr qint64 kFlashMs = 500;

 private:
  static constexpr std::size_t kCategories = 6;
  static constexpr std::size_t kVotes = kCategories;  // the extra bucket after the categories
  struct Flash {
    QPointF at;
    qint64 startMs;
  };
  void expireFlashes();

  std::vector<Segment> m_segments;
  QRectF m_bounds;
  std::array<std::vector<QPointF>, kCategories + 1> m_dots;  // per category, then votes; reused
  std::vector<double> m_rates;
  std::vector<Flash> m_flashes;
  QElapsedTimer m_wall;
  int m_drawn = 0;
  int m_flying = 0;
  int m_step = 1;
};

}  // namespace pillars
