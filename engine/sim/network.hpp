#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/sim/distribution.hpp"
#include "engine/sim/event_queue.hpp"
#include "engine/sim/ids.hpp"
#include "engine/sim/message.hpp"
#include "engine/sim/observer.hpp"
#include "engine/sim/random.hpp"

namespace pillars {

class Simulation;

/// How a link behaves. Latency is sampled per message; bandwidth (0 = unlimited) adds a
/// serialization delay and queues messages per direction; loss drops each message independently.
struct LinkConfig {
  Distribution latency = Distribution::constant(0.0);
  double bandwidthBytesPerSecond = 0.0;
  double lossProbability = 0.0;
  /// Relative share for weighted routing policies on the sending side.
  std::int64_t weight = 1;
};

/// Counters kept per link, for reports and traffic views.
struct LinkStats {
  std::uint64_t sent = 0;
  std::uint64_t delivered = 0;
  std::uint64_t dropped = 0;
  std::uint64_t bytes = 0;
};

/// A bidirectional channel between two components. `from -> to` is the declared direction
/// (who calls whom); replies travel back over the same link.
struct Link {
  LinkId id = kNoLink;
  std::string name;
  ComponentId from = kNoComponent;
  ComponentId to = kNoComponent;
  LinkConfig config;
  bool up = true;
  /// Disconnected for good (Simulation::disconnect): down, and never healed.
  bool removed = false;
  /// Advanced on every cut: a message sent in an earlier epoch is lost even if the link heals
  /// before it would have arrived.
  std::uint32_t epoch = 0;
  /// Added to every sampled latency (a `delay` fault). Kept apart from config.latency so the
  /// draws, and with them every other message's fate, stay as they were.
  SimTime extraLatency = 0;
  SimTime busyUntil[2] = {0, 0};
  LinkStats stats;
  Rng rng;

  ComponentId peerOf(ComponentId c) const { return c == from ? to : from; }
};

/// Carries messages between components over links. Messages in flight live in a reusable pool
/// and each arrival is one kernel event addressed to the network, which then checks the link
/// and the receiver and hands the message over.
class Network final : public EventHandler {
 public:
  explicit Network(Simulation& sim);

  /// Adds a link; `name` must be new to the network (std::invalid_argument otherwise): it seeds
  /// the link's random stream.
  LinkId addLink(ComponentId from, ComponentId to, const LinkConfig& config, std::string name);
  /// Sends `msg` from msg.src over `link` towards the link's other end (msg.dst is set here).
  void send(LinkId link, Message msg);
  void cut(LinkId link);
  void heal(LinkId link);
  /// Takes the link down for good (use Simulation::disconnect, which also tells both ends):
  /// messages in flight on it are lost.
  void remove(LinkId link);
  /// Messages sent from now on take `extra` (>= 0) longer than their sampled latency; 0
  /// removes the delay. Messages already in flight keep their arrival time.
  void setExtraLatency(LinkId link, SimTime extra);
  /// Replaces the link's loss probability (clamped to 0..1) for messages sent from now on.
  /// The original value is in the link's config until then; to restore, set it back.
  void setLossProbability(LinkId link, double probability);

  const Link& link(LinkId id) const { return m_links[id]; }
  Link& link(LinkId id) { return m_links[id]; }
  std::size_t linkCount() const { return m_links.size(); }
  std::size_t messagesInFlight() const { return m_inFlight.size() - m_freeFlights.size(); }
  /// The link joining two components in either direction (removed links left out), or kNoLink.
  LinkId findLink(ComponentId a, ComponentId b) const;

  void handleEvent(std::uint32_t kind, std::uint64_t payload) override;

 private:
  struct Flight {
    Message msg;
    LinkId link = kNoLink;
    std::uint32_t linkEpoch = 0;
    bool lost = false;
  };
  std::uint32_t allocateFlight();
  void drop(const Message& msg, Link& link, DropReason reason);

  Simulation& m_sim;
  std::vector<Link> m_links;
  std::vector<Flight> m_inFlight;
  std::vector<std::uint32_t> m_freeFlights;
  std::unordered_set<std::string> m_names;
};

}  // namespace pillars
