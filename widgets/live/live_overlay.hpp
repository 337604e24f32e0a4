#pragma once

#include <QColor>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/run/flight_recorder.hpp"
#include "engine/sim/ids.hpp"
#include "engine/sim/time.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/live/replica_set_tally.hpp"
#include "widgets/live/shed_pulse.hpp"
#include "widgets/pillars/control/instance_strip.hpp"
#include "widgets/pillars/card_adornment.hpp"

class QGraphicsItem;
class QGraphicsObject;
class QWidget;

namespace pillars {

class LiveRun;
class MessageLayer;
class NodeItem;

/// The live run drawn over the canvas: messages moving along links (MessageLayer), each
/// component's utilization, queue and up/down state, cut links, and a banner when only a
/// sample of the messages is drawn. All of it is overlay items above the diagram (never
/// selectable, never taking a click), refreshed on LiveRun::advanced(); the diagram's own
/// items are left alone.
///
/// The scene deletes every item when it rebuilds (TopologyScene::rebuild calls clear()), the
/// overlay's included: it notices and builds its items again on the next refresh.
class LiveOverlay final : public QObject {
  Q_OBJECT

 public:
  /// What the overlay shows for one component (for tests and tooltips).
  struct NodeState {
    bool shown = false;        // the component has a card and an overlay
    bool down = false;         // greyed with a red cross
    double utilization = 0.0;  // 0..1, the bar along the card's bottom edge
    int queue = 0;             // the "q N" badge when > 0
    QString badge;             // the pillar badge at the top-right, if any
    double shedding = 0.0;     // 0..1: the orange pulse of requests turned away (ShedPulse)
    double lag = -1.0;         // 0..1: a follower's lag bar along the top edge; -1: none
  };

  /// Above this many messages in flight, a sample is drawn with traffic strokes on the links.
  /// Measured offscreen (docs/performance.md): 4,100 dots paint faster than 2,000 dots plus
  /// the strokes, so the cap sits above the 5,000-message target.
  static constexpr int kDefaultMessageCap = 6000;
  static constexpr qreal kZ = 1000.0;

  LiveOverlay(TopologyScene& scene, LiveRun& live, QObject* parent = nullptr);
  ~LiveOverlay() override;

  /// Off: no message dots, rings or traffic (node states still update). Fast mode
  /// (LiveRun::asFastAsPossible) draws no messages either way.
  void setAnimationEnabled(bool on);
  bool animationEnabled() const { return m_animate; }
  /// Above this many messages in flight, a sample is drawn with the links' traffic.
  void setMessageCap(int cap);
  int messageCap() const { return m_cap; }

  /// Forgets flights, rings, traffic and utilization baselines (on reset or unload).
  void clear();
  /// Brings everything up to the run's present; called on LiveRun::advanced().
  void refresh();
  /// The cards were rebuilt or the run reloaded: map ids and measure link geometry again on
  /// the next refresh. (Card moves are noticed by themselves.)
  void invalidateGeometry();

  /// A pillar's short status at the card's top-right ("leader", "lag 3"); empty text removes it.
  void setBadge(const std::string& componentId, const QString& text, QColor colour);

  /// A replica set's card expanded instance by instance (InstanceStrip), or back to one card.
  /// Remembered by id across runs and edits.
  void setInstancesShown(const std::string& setId, bool shown);
  bool instancesShown(const std::string& setId) const { return m_expanded.count(setId) > 0; }
  /// Whether `componentId` is drawn as a replica set's stacked card in the run loaded now.
  bool isReplicaSet(const std::string& componentId) const;
  /// The chips an expanded set shows now (empty when it is not expanded).
  std::vector<InstanceChip> instanceChips(const std::string& setId) const;

  int drawnMessages() const;
  int flyingMessages() const;
  /// 1 when every message is drawn, else k of "1 in k".
  int sampleStep() const;
  /// Where a flight is drawn now, or nothing if its link is not on the canvas.
  std::optional<QPointF> messagePosition(const FlightRecorder::Flight& flight) const;
  /// The drawn segment of a link, from its caller's card edge to its callee's.
  std::optional<QLineF> linkSegment(const std::string& linkId) const;
  NodeState nodeState(const std::string& componentId) const;
  bool cutShown(const std::string& linkId) const;
  /// Whether a link is drawn greyed because its caller keeps traffic off it (an ejected backend).
  bool avoidedShown(const std::string& linkId) const;
  /// The kind's own drawing on a component's card (KindUi::makeAdornment), or null.
  const CardAdornment* adornment(const std::string& componentId) const;
  bool bannerVisible() const;
  QString bannerText() const;
  /// The message layer, for painting tests; null before the first refresh with a run loaded.
  const MessageLayer* messageLayer() const { return m_layer; }

  /// The colour legend (categories and "dropped") as a row of labelled dots.
  static QWidget* createLegend(QWidget* parent);

 private:
  class NodeStateItem;
  class CutLinksItem;
  class BannerItem;

  bool ensureItems();
  void rebuildMapping();
  /// Each replica set's card and the engine instances drawn on it.
  void mapReplicaSets();
  void updateGeometryIfMoved();
  void updateMessages();
  void updateNodes();
  /// A replica set's stacked card: its instances summed up (ReplicaSetTally).
  void updateSets();
  void updateCuts();
  void onFlashTick();

  QPointer<TopologyScene> m_scene;  // the overlay may outlive it
  LiveRun& m_live;
  QTimer m_flashTimer;
  QElapsedTimer m_wall;  // the clock card pulses fade by
  bool m_animate = true;
  int m_cap = kDefaultMessageCap;

  // Overlay items. The root is a QGraphicsObject so a scene clear() is seen as it going null;
  // the raw pointers below are its children and die with it.
  QPointer<QGraphicsObject> m_root;
  MessageLayer* m_layer = nullptr;
  CutLinksItem* m_cuts = nullptr;
  CutLinksItem* m_avoided = nullptr;
  BannerItem* m_banner = nullptr;

  // Engine ids -> canvas, rebuilt per load or scene rebuild (not per frame).
  struct NodeEntry {
    std::string id;
    NodeItem* card = nullptr;  // valid while m_root lives (both die in the same clear())
    NodeStateItem* state = nullptr;
    CardAdornment* adornment = nullptr;  // its kind's, if any; a child of the root like `state`
    QPointF lastPos;
    double lastBusyIntegral = 0;
    SimTime lastBusyStart = 0;
    double utilization = 0;
    std::uint32_t badges = 0;  // the card badges that apply to it (card_badges.hpp)
    bool store = false;        // a store replica: it may wear a lag bar
    /// An instance of a replica set (index in m_sets), drawn on its set's card: its messages
    /// fly to and from that card, its state is summed into the set's.
    int set = -1;
    ShedPulse shed;
  };
  /// A replica set's one stacked card ("web ×6") while its instances come and go.
  struct SetEntry {
    std::string id;
    NodeItem* card = nullptr;
    NodeStateItem* state = nullptr;
    std::int64_t designed = 1;  // the design's replicas
    QPointF lastPos;
    ReplicaSetTally tally;
    ShedPulse shed;
    InstanceStrip* strip = nullptr;  // while expanded; a child of the root like `state`
    std::vector<InstanceChip> chips;  // this frame's, filled only while expanded
  };
  struct LinkEntry {
    std::string id;
    ComponentId from = kNoComponent;
    ComponentId to = kNoComponent;
  };
  std::vector<NodeEntry> m_nodes;  // indexed by ComponentId
  std::vector<LinkEntry> m_links;  // indexed by LinkId
  std::vector<SetEntry> m_sets;
  // The engine's counts when mapped: instances and their links come and go during a run.
  std::size_t m_mappedComponents = 0, m_mappedLinks = 0;
  std::map<std::string, ComponentId> m_componentIndex;
  std::map<std::string, std::pair<QString, QColor>> m_badges;
  std::set<std::string> m_expanded;  // replica sets shown instance by instance
  std::vector<double> m_rates;  // messages per simulated second, per link, smoothed
  bool m_mapped = false;
  const void* m_mappedRunner = nullptr;
  SimTime m_lastNow = 0;
};

}  // namespace pillars
